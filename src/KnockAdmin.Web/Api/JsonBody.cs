using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>
/// Reads a JSON request body so that every way it can be wrong (too large, not JSON, wrong type in a field)
/// becomes a 400 naming the field, instead of an empty 400 or a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>A configuration edit is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <param name="whenEmpty">What an empty body means, for endpoints whose body is optional; null requires a body.</param>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, T? whenEmpty = null)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return whenEmpty is null ? (null, Invalid("body", "A JSON body is required.")) : (whenEmpty, null);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, options, context.RequestAborted);
            return value is null ? (null, Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var field = FieldFromJsonPath(exception.Path);
            return (null, Invalid(field, $"Not valid JSON here: {FirstSentence(exception.Message)}"));
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

    private static IResult TooLarge() => Invalid("body", $"The request body is larger than {MaxBytes} bytes.");

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
