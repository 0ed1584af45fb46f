namespace KnockAdmin.Infrastructure.Security;

/// <summary>Audit action names for sign-in events (a success is <c>AuditActions.Login</c>).</summary>
public static class LoginAuditActions
{
    public const string LoginFailed = "login.failed";
    public const string LoginThrottled = "login.throttled";
    public const string Logout = "logout";
    public const string Reauthenticate = "reauthenticate";
    public const string ReauthenticateFailed = "reauthenticate.failed";
    public const string FirstAdmin = "setup.first-admin";
}
