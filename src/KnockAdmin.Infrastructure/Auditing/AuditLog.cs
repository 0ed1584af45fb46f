using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>Writes audit entries through the same context as the change they describe.</summary>
public sealed class AuditLog(KnockAdminDbContext db, TimeProvider time)
{
    /// <summary>Adds an entry that is saved together with the caller's next <c>SaveChanges</c>,
    /// so that a change and its audit line are stored or lost together.</summary>
    public void Add(Actor actor, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Time = time.GetUtcNow(),
            Actor = actor.Name,
            RemoteAddress = actor.RemoteAddress,
            Action = action,
            Detail = detail,
        });

    /// <summary>Adds an entry and saves it at once, for actions that change nothing else in the database.</summary>
    public async Task WriteAsync(Actor actor, string action, string detail, CancellationToken cancellationToken = default)
    {
        Add(actor, action, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
