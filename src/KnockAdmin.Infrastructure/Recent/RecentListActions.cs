using KnockAdmin.Infrastructure.Auditing;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Revoke, grant and flush on live recent lists, each recorded in the audit log with who asked and the list actually
/// written: the one path for the HTTP API and the panel's Live page.
/// </summary>
public sealed class RecentListActions(IRecentListWriter writer, AuditLog audit)
{
    /// <returns>The list the address was taken out of: the named stage's list of the address's family and shard.</returns>
    public async Task<string> RevokeAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        var written = await writer.RemoveAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentRevoke, $"Revoked {address.Trim()} from {written}.", CancellationToken.None);
        return written;
    }

    /// <returns>The list the address was put into: the named stage's list of the address's family and shard.</returns>
    public async Task<string> GrantAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        var written = await writer.GrantAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentGrant, $"Granted {address.Trim()} in {written}.", CancellationToken.None);
        return written;
    }

    /// <returns>The lists emptied (every list of the stage and family when it is split).</returns>
    public async Task<IReadOnlyList<string>> FlushAsync(Actor actor, string list, CancellationToken cancellationToken = default)
    {
        var flushed = await writer.FlushAsync(list, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentFlush, $"Flushed {string.Join(", ", flushed)}.", CancellationToken.None);
        return flushed;
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
