using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Why the setup link could not be used.</summary>
public sealed class SetupLinkException(string message) : Exception(message);

/// <summary>Creates the first admin through the one-time setup link.</summary>
public sealed class FirstAdminSetup(KnockAdminDbContext db, UserService users, SetupLink link, AdminPresence presence)
{
    public const string InvalidLinkMessage =
        "This setup link is not valid: it has expired or was already used. Restart the panel for a new link, "
        + "or create the admin with 'KnockAdmin user add --name NAME --role admin --password-stdin'.";

    public const string ClosedMessage = "An admin already exists; sign in instead.";

    /// <summary>Adds <paramref name="name"/> as an admin and spends the link. Bad input (<see cref="ArgumentException"/>
    /// naming the field) leaves the link usable.</summary>
    public async Task<UserEntity> CreateAdminAsync(string? token, string name, string password, Actor actor, CancellationToken cancellationToken = default)
    {
        await link.Redeeming.WaitAsync(cancellationToken);
        try
        {
            if (!link.IsValid(token))
            {
                throw new SetupLinkException(InvalidLinkMessage);
            }

            if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
            {
                link.Revoke();
                presence.MarkExists();
                throw new SetupLinkException(ClosedMessage);
            }

            var user = await users.AddAsync(name, Roles.Admin, password, actor, cancellationToken);
            link.Revoke();
            presence.MarkExists();
            return user;
        }
        finally
        {
            link.Redeeming.Release();
        }
    }
}
