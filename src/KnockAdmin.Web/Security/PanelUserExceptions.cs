using KnockAdmin.Core.Failures;

namespace KnockAdmin.Web.Security;

/// <summary>A viewer tried an admin action; thrown by <see cref="PanelUser.RequireAdminAsync"/>.</summary>
public sealed class AdminRequiredException()
    : KnockAdminException(FailureKind.Forbidden, "Forbidden", "Only an admin may do this; viewers can only look.");

/// <summary>The password must be entered again before this action; thrown by <see cref="PanelUser.RequireRecentAuthenticationAsync"/>.</summary>
public sealed class ReauthenticationRequiredException()
    : KnockAdminException(FailureKind.Forbidden, "Forbidden", "Enter your password again to confirm this action.");

/// <summary>The page's session is no longer valid; nothing was changed.</summary>
public sealed class SessionEndedException() : KnockAdminException(
    FailureKind.Forbidden,
    "Forbidden",
    "Your session has ended (you logged out elsewhere, your password was changed, or your account was disabled or removed), so nothing was changed. Sign in again.");
