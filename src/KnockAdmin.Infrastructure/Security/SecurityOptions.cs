namespace KnockAdmin.Infrastructure.Security;

/// <summary>Sign-in, throttling, session and re-authentication limits. Bound from the <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The throttle's longest wait: the owner of an attacked account gets a try at least this often.</summary>
    public const int LongestLoginDelaySeconds = 60;

    /// <summary>Apply and rollback ask for the password again when the last sign-in is older than this.</summary>
    public int ReauthenticateAfterMinutes { get; set; } = 15;

    /// <summary>How long a session lasts without a request; it ends on the server then, whatever the cookie says.</summary>
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>Failed sign-ins of one name from one address (or one known browser) that are checked without delay.</summary>
    public int FailuresBeforeDelay { get; set; } = 3;

    /// <summary>The cap of the doubling delay after further failures; at most <see cref="LongestLoginDelaySeconds"/>.</summary>
    public int MaxLoginDelaySeconds { get; set; } = LongestLoginDelaySeconds;

    /// <summary>Failures older than this (since the last attempt) are forgotten.</summary>
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>How long the first-admin setup link printed at start-up stays valid.</summary>
    public int SetupLinkMinutes { get; set; } = 30;

    public TimeSpan ReauthenticateAfter => TimeSpan.FromMinutes(ReauthenticateAfterMinutes);

    public TimeSpan SessionIdle => TimeSpan.FromMinutes(SessionMinutes);

    public TimeSpan FailureWindow => TimeSpan.FromMinutes(FailureWindowMinutes);

    public TimeSpan MaxLoginDelay => TimeSpan.FromSeconds(MaxLoginDelaySeconds);

    public TimeSpan SetupLinkLifetime => TimeSpan.FromMinutes(SetupLinkMinutes);
}
