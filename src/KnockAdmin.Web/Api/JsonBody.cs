using System.Text.Json;
using KnockAdmin.Core.Failures;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>
/// Reads a JSON request body so that every way it can be wrong (too large, not JSON, wrong type in a field)
/// becomes an <see cref="InvalidInputException"/> naming the field (a 400 through the one failure mapping), instead of
/// an empty 400 or a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>A configuration edit is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <param name="whenEmpty">What an empty body means, for endpoints whose body is optional; null requires a body.</param>
    /// <exception cref="InvalidInputException">The body is too large, missing, or not the JSON expected.</exception>
    public static async Task<T> ReadAsync<T>(HttpContext context, T? whenEmpty = null)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return whenEmpty ?? throw new InvalidInputException("body", "A JSON body is required.");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, options, context.RequestAborted);
            return value ?? throw new InvalidInputException("body", "A JSON object is required.");
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException(FieldFromJsonPath(exception.Path), $"Not valid JSON here: {FirstSentence(exception.Message)}");
        }
    }

    /// <summary><c>$.steps[0].port</c> becomes <c>steps[0].port</c>; the document root becomes <c>body</c>.</summary>
    internal static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static InvalidInputException TooLarge() => new("body", $"The request body is larger than {MaxBytes} bytes.");
}
