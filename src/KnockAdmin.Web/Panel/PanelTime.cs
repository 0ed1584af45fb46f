namespace KnockAdmin.Web.Panel;

/// <summary>
/// Moments on the pages: ISO 8601 in the host's time zone with its offset, the same on every page and in every
/// browser, and unambiguous when an admin compares them with logs from elsewhere.
/// </summary>
public static class PanelTime
{
    public static string Of(DateTimeOffset moment) =>
        moment.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(DateTimeOffset? moment, string absent) => moment is { } value ? Of(value) : absent;
}
