namespace KnockAdmin.Web.Security;

/// <summary>A viewer (or nobody) tried an admin action; thrown by <see cref="PanelUser.RequireAdminAsync"/>.</summary>
public sealed class AdminRequiredException()
    : UnauthorizedAccessException("Only an admin may do this; viewers can only look.");

/// <summary>The password must be entered again before this action; thrown by <see cref="PanelUser.RequireRecentAuthenticationAsync"/>.</summary>
public sealed class ReauthenticationRequiredException()
    : UnauthorizedAccessException("Enter your password again to confirm this action.");
