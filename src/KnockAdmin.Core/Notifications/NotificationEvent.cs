using System.Globalization;

namespace KnockAdmin.Core.Notifications;

/// <summary>
/// Something an admin wants to hear about, as a producer states it: the type (one of
/// <see cref="NotificationEventTypes"/>), one sentence, and a few named values. The notifier adds the id and the time.
/// </summary>
public sealed record NotificationEvent(string Type, string Summary, IReadOnlyDictionary<string, string> Data)
{
    public static NotificationEvent AutomaticRevert(int revisionId) => new(
        NotificationEventTypes.AutomaticRevert,
        $"Revision {revisionId} was not confirmed in time; the rules from before it were restored.",
        Values(("revisionId", Number(revisionId))));

    /// <summary>An apply that never finished (its process died, or could not record it) was put back out.</summary>
    public static NotificationEvent InterruptedApplyReverted(int revisionId) => new(
        NotificationEventTypes.AutomaticRevert,
        $"Revision {revisionId} never finished being applied; the rules from before it were restored.",
        Values(("revisionId", Number(revisionId))));

    /// <param name="description">What differs (diff lines); kept to its first <see cref="MaxDetailLength"/> characters.</param>
    public static NotificationEvent DriftDetected(int? revisionId, string description) => new(
        NotificationEventTypes.DriftDetected,
        revisionId is null
            ? "The live rules differ from what KnockAdmin applied. Re-apply from the dashboard, or find who changed them."
            : $"The live rules differ from revision {revisionId}. Re-apply from the dashboard, or find who changed them.",
        Values(("revisionId", revisionId is null ? "" : Number(revisionId.Value)), ("description", Shorten(description))));

    /// <param name="reason"><c>full</c> or <c>churning</c>.</param>
    public static NotificationEvent ListPressure(string list, string reason, int entries, int capacity) => new(
        NotificationEventTypes.ListPressure,
        reason == "full"
            ? $"Recent list {list} is full ({entries} of {capacity} entries): new knocks evict the oldest clients."
            : $"Recent list {list} is churning: entries are evicted faster than clients can finish knocking ({entries} of {capacity}).",
        Values(("list", list), ("reason", reason), ("entries", Number(entries)), ("capacity", Number(capacity))));

    public static NotificationEvent RotationStalled(string profile, DateTimeOffset? lastRotation, string reason) => new(
        NotificationEventTypes.RotationStalled,
        $"The knock sequence of profile {profile} has not rotated on time: {reason}",
        Values(("profile", profile), ("lastRotation", lastRotation?.ToString("O", CultureInfo.InvariantCulture) ?? ""), ("reason", reason)));

    /// <param name="account">The name tried, or empty when the failures come from many names.</param>
    public static NotificationEvent SignInFailures(string account, string? address, int failures, TimeSpan within) => new(
        NotificationEventTypes.SignInFailures,
        $"{failures} failed sign-ins within {within.TotalMinutes:0} minutes"
            + (account.Length > 0 ? $" for '{account}'" : "") + (address is null ? "" : $" from {address}") + ".",
        Values(("account", account), ("address", address ?? ""), ("failures", Number(failures)), ("withinMinutes", Number((int)within.TotalMinutes))));

    public static NotificationEvent AdminCreated(string name, string by) => new(
        NotificationEventTypes.AccessCreated,
        $"A new admin user '{name}' was added by {by}.",
        Values(("kind", "admin"), ("name", name), ("role", "admin"), ("by", by)));

    public static NotificationEvent TokenCreated(string name, string role, string by) => new(
        NotificationEventTypes.AccessCreated,
        $"A new {role} API token '{name}' was created by {by}.",
        Values(("kind", "token"), ("name", name), ("role", role), ("by", by)));

    public static NotificationEvent Test(string channel, string by) => new(
        NotificationEventTypes.Test,
        $"Test notification for channel '{channel}', sent by {by}.",
        Values(("channel", channel), ("by", by)));

    /// <summary>The longest free text a payload carries in one value.</summary>
    public const int MaxDetailLength = 2000;

    private static string Shorten(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
