namespace KnockAdmin.Core.Recent;

/// <summary>Everything the live view shows at one instant.</summary>
/// <param name="Message">Why something is missing, in words (null when all was read).</param>
/// <param name="Clock">The kernel clock the times were converted with; null when it could not be read.</param>
/// <param name="ListCapacity">Addresses each list keeps (<c>ip_list_tot</c>), when known.</param>
/// <param name="Build">Whether xt_recent is built in or a module here, which decides how the capacity is raised.</param>
public sealed record RecentSnapshot(
    RecentAvailability Availability,
    string? Message,
    KernelClock? Clock,
    int? ListCapacity,
    IReadOnlyList<RecentListReading> Lists,
    XtRecentBuild Build = XtRecentBuild.Unknown)
{
    public static RecentSnapshot Unavailable(RecentAvailability availability, string message) =>
        new(availability, message, null, null, []);
}
