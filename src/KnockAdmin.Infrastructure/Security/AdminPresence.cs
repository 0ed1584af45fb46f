using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Whether an admin user exists. Once one does, the answer is remembered (the last enabled admin can be
/// neither disabled nor removed), so the check costs nothing after set-up; until then every call asks the database, which also sees admins added by
/// the command line while the panel runs.</summary>
public sealed class AdminPresence(IServiceScopeFactory scopes)
{
    private volatile bool _exists;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (_exists)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnockAdminDbContext>();
        _exists = await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken);
        return _exists;
    }

    public void MarkExists() => _exists = true;
}
