namespace KnockAdmin.Infrastructure.Security;

/// <summary>Sign-in, lockout and re-authentication limits. Bound from the <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Apply and rollback ask for the password again when the last sign-in is older than this.</summary>
    public int ReauthenticateAfterMinutes { get; set; } = 15;

    /// <summary>How long a sign-in lasts without activity (the cookie slides while the panel is used).</summary>
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>Failed logins (per account, and per source address) within <see cref="FailureWindowMinutes"/> that lock it.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int FailureWindowMinutes { get; set; } = 15;

    public int LockoutMinutes { get; set; } = 5;

    /// <summary>How long the first-admin setup link printed at start-up stays valid.</summary>
    public int SetupLinkMinutes { get; set; } = 30;

    public TimeSpan ReauthenticateAfter => TimeSpan.FromMinutes(ReauthenticateAfterMinutes);

    public TimeSpan FailureWindow => TimeSpan.FromMinutes(FailureWindowMinutes);

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan SetupLinkLifetime => TimeSpan.FromMinutes(SetupLinkMinutes);
}
