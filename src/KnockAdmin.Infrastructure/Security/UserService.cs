using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Adds panel users; passwords are kept only as ASP.NET Core Identity hashes.</summary>
public sealed class UserService(KnockAdminDbContext db, AuditLog audit, TimeProvider time, INotifier notifier)
{
    public const int MaxNameLength = 100;

    public const int MinPasswordLength = 12;

    private readonly PasswordHasher<UserEntity> _hasher = new();

    public async Task<UserEntity> AddAsync(string name, string role, string password, Actor actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"The user name must be 1 to {MaxNameLength} characters.", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"The role must be one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"The password must be at least {MinPasswordLength} characters.", nameof(password));
        }

        if (await db.Users.AnyAsync(u => u.Name == name, cancellationToken))
        {
            throw new ArgumentException($"A user named '{name}' already exists.", nameof(name));
        }

        var user = new UserEntity { Name = name, Role = role, PasswordHash = "", CreatedAt = time.GetUtcNow() };
        user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        audit.Add(actor, AuditActions.UserAdd, $"Added {role} user '{name}'.");
        await db.SaveChangesAsync(cancellationToken);
        if (role == Roles.Admin) notifier.Publish(NotificationEvent.AdminCreated(name, actor.Name));
        return user;
    }

    /// <summary>Whether <paramref name="password"/> is the user's password.</summary>
    public bool VerifyPassword(UserEntity user, string password) =>
        _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
