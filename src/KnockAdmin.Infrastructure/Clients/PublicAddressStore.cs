using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Failures;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Clients;

/// <summary>The stored public address of this host, which every client command knocks.</summary>
public sealed class PublicAddressStore(KnockAdminDbContext db, AuditLog audit)
{
    public const string Field = "publicAddress";

    public async Task<PublicAddress> GetAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.ClientSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        // Stored text was checked when saved; a row that no longer parses counts as none rather than breaking the page.
        try
        {
            return PublicAddress.Parse(stored?.PublicAddress);
        }
        catch (ArgumentException)
        {
            return PublicAddress.None;
        }
    }

    /// <exception cref="InvalidInputException">The text is not host names and addresses; nothing is stored.</exception>
    public async Task<PublicAddress> SaveAsync(string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        PublicAddress address;
        try
        {
            address = PublicAddress.Parse(text);
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidInputException(Field, invalid.Message.Split(" (Parameter")[0]);
        }

        var row = await db.ClientSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new ClientSettingsEntity();
            db.ClientSettings.Add(row);
        }

        row.PublicAddress = address.Text;
        audit.Add(actor, AuditActions.PublicAddressUpdate,
            address.IsEmpty ? "Public address for client commands removed." : $"Public address for client commands set to {address.Text}.");
        await db.SaveChangesAsync(cancellationToken);
        return address;
    }
}
