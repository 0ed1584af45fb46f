namespace KnockAdmin.Web.Panel;

/// <summary>
/// Who did something, as the pages name them: the stored author <c>user:alice</c> reads <c>alice</c>,
/// <c>token:ci</c> reads <c>API token "ci"</c>, <c>cli:root</c> reads <c>root (command line)</c>. Anything else
/// (<c>system</c>, <c>ansible:bob</c>) is shown as it is. The stored value, the API and the CSV export keep the prefix.
/// </summary>
public static class ActorText
{
    public static string Of(string? actor) => actor switch
    {
        null or "" => "",
        _ when Named(actor, "user:") is { } user => user,
        _ when Named(actor, "token:") is { } token => $"API token \"{token}\"",
        _ when Named(actor, "cli:") is { } local => $"{local} (command line)",
        _ => actor,
    };

    /// <summary>With the address it came from, when there is one: <c>alice (192.0.2.7)</c>.</summary>
    public static string Of(string? actor, string? remoteAddress) =>
        remoteAddress is null ? Of(actor) : $"{Of(actor)} ({remoteAddress})";

    private static string? Named(string actor, string prefix) =>
        actor.Length > prefix.Length && actor.StartsWith(prefix, StringComparison.Ordinal) ? actor[prefix.Length..] : null;
}
