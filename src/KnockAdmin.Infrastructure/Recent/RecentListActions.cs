using KnockAdmin.Core.History;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.History;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Revoke, grant and flush on live recent lists, each recorded in the audit log with who asked and the list actually
/// written (grants and revokes in the knock history too): the one path for the HTTP API and the panel's Live page.
/// </summary>
public sealed class RecentListActions(IRecentListWriter writer, AuditLog audit, KnockHistoryStore history, TimeProvider time)
{
    /// <returns>The list the address was taken out of: the named stage's list of the address's family and shard.</returns>
    public async Task<string> RevokeAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        var written = await writer.RemoveAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentRevoke, $"Revoked {address.Trim()} from {written}.", CancellationToken.None);
        await RecordAsync(actor, KnockEventKind.Revoked, written, address);
        return written;
    }

    /// <returns>The list the address was put into: the named stage's list of the address's family and shard.</returns>
    public async Task<string> GrantAsync(Actor actor, string list, string address, CancellationToken cancellationToken = default)
    {
        RefuseControlCharacters(address);
        var written = await writer.GrantAsync(list, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentGrant, $"Granted {address.Trim()} in {written}.", CancellationToken.None);
        await RecordAsync(actor, KnockEventKind.Granted, written, address);
        return written;
    }

    /// <returns>The lists emptied (every list of the stage and family when it is split).</returns>
    public async Task<IReadOnlyList<string>> FlushAsync(Actor actor, string list, CancellationToken cancellationToken = default)
    {
        var flushed = await writer.FlushAsync(list, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RecentFlush, $"Flushed {string.Join(", ", flushed)}.", CancellationToken.None);
        return flushed;
    }

    // Recorded after the kernel changed, like the audit line: the history says what was done, never what was only asked.
    private Task RecordAsync(Actor actor, KnockEventKind kind, string list, string address)
    {
        var profile = RecentListName.TryParse(list, out var name) ? name.Profile : list;
        var knock = new KnockEvent(time.GetUtcNow(), kind, profile, KnockHistoryStore.CanonicalAddress(address), name.Stage, Actor: actor.Name);
        return history.RecordAsync([knock], null, CancellationToken.None);
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
