namespace KnockAdmin.Core.Notifications;

/// <summary>One kind of event: its stable name (in payloads and settings), a title and what it means.</summary>
public sealed record NotificationEventType(string Name, string Title, string Description);

/// <summary>
/// The closed vocabulary of notification events. The names are part of the webhook payload and of stored
/// settings: they never change meaning, and new ones are only ever added.
/// </summary>
public static class NotificationEventTypes
{
    public const string AutomaticRevert = "revert.automatic";
    public const string DriftDetected = "drift.detected";
    public const string ListPressure = "list.pressure";
    public const string RotationStalled = "rotation.stalled";
    public const string SignInFailures = "signin.failures";
    public const string AccessCreated = "access.created";
    public const string Test = "test";

    /// <summary>The events a channel can subscribe to, in the order the panel lists them.</summary>
    public static IReadOnlyList<NotificationEventType> Subscribable { get; } =
    [
        new(AutomaticRevert, "Automatic revert", "A revision was not confirmed in time and the rules from before it were restored."),
        new(DriftDetected, "Drift detected", "The live rules stopped matching the active revision."),
        new(ListPressure, "List full or churning", "A recent list is full, or evicts entries faster than clients can knock."),
        new(RotationStalled, "Rotation stalled", "A knock sequence that should rotate has not rotated on time."),
        new(SignInFailures, "Repeated failed sign-ins", "Sign-ins keep failing for an account or from an address."),
        new(AccessCreated, "New admin or token", "An admin user or an API token was created."),
    ];

    /// <summary>Every name a payload can carry: the subscribable ones and <see cref="Test"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Subscribable.Select(t => t.Name), Test];

    public static bool IsSubscribable(string name) => Subscribable.Any(t => t.Name == name);

    public static string TitleOf(string name) =>
        name == Test ? "Test" : Subscribable.FirstOrDefault(t => t.Name == name)?.Title ?? name;
}
