using KnockAdmin.Infrastructure.Auditing;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Revoke, grant and flush on live recent lists, each recorded in the audit log with who asked: the one path for
/// the HTTP API and the panel's Live page.
/// </summary>
public sealed class RecentListActions(IRecentListWriter writer, AuditLog audit)
{
    public async Task RevokeAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        await writer.RemoveAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentRevoke, $"Revoked {address.Trim()} from {list}.", CancellationToken.None);
    }

    public async Task GrantAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        await writer.GrantAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentGrant, $"Granted {address.Trim()} in {list}.", CancellationToken.None);
    }

    public async Task FlushAsync(Actor actor, string list, CancellationToken cancellationToken = default)
    {
        await writer.FlushAsync(list, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentFlush, $"Flushed {list}.", CancellationToken.None);
    }

    // The writer forgives surrounding blanks from a form; a newline or other control character is never typed by an admin.
    private static void RefuseControlCharacters(string address)
    {
        if (address.Any(char.IsControl))
        {
            throw new RecentListActionException(RecentListActionFailure.BadAddress, "address", "Bad address: it contains control characters.");
        }
    }
}
