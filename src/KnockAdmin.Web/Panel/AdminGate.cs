using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Web.Security;

namespace KnockAdmin.Web.Panel;

/// <summary>
/// The server-side check in front of every change a page makes: hiding a button from a viewer is not enough, the
/// handler itself asks here, and gets back who to name in the revision or audit entry.
/// </summary>
public sealed class AdminGate(PanelUser user)
{
    /// <summary>For changes to the stored configuration and the recent lists: a signed-in admin.</summary>
    /// <exception cref="AdminRequiredException">The user is not an admin (any more).</exception>
    public async Task<Actor> AdminAsync()
    {
        await user.RequireAdminAsync();
        return await user.GetActorAsync();
    }

    /// <summary>For apply, re-apply and rollback: an admin who proved the password recently.</summary>
    /// <exception cref="AdminRequiredException">The user is not an admin (any more).</exception>
    /// <exception cref="ReauthenticationRequiredException">The password must be entered again first.</exception>
    public async Task<Actor> RecentlyAuthenticatedAdminAsync()
    {
        await user.RequireRecentAuthenticationAsync();
        return await user.GetActorAsync();
    }
}
