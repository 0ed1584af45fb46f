using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Accounts;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>A user as lists show it.</summary>
public sealed record UserView(
    int Id, string Name, string Role, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt, string? LastSeenAddress, int ActiveSessions);

/// <summary>
/// Adds, lists, disables, enables and removes panel users and sets their passwords; passwords are kept only as
/// ASP.NET Core Identity hashes. Every change is audited with the change, and a change that takes access away ends
/// the user's sessions in the same step. The last enabled admin can be neither disabled nor removed.
/// </summary>
public sealed class UserService(KnockAdminDbContext db, AuditLog audit, SessionService sessions, TimeProvider time, INotifier notifier)
{
    private readonly PasswordHasher<UserEntity> _hasher = new();

    public async Task<UserEntity> AddAsync(string name, string role, string password, Actor actor, CancellationToken cancellationToken = default)
    {
        if (AccountName.Check(name, out var normalized) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"The role must be one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if (PasswordRules.Check(password) is { } weak)
        {
            throw new ArgumentException(weak, nameof(password));
        }

        var key = AccountName.LookalikeKey(normalized);
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NameKey == key || u.Name == normalized, cancellationToken) is { } taken)
        {
            throw new ArgumentException(Taken("user", normalized, taken.Name), nameof(name));
        }

        var user = new UserEntity { Name = normalized, NameKey = key, Role = role, PasswordHash = "", CreatedAt = time.GetUtcNow() };
        user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        audit.Add(actor, AuditActions.UserAdd, $"Added {role} user '{normalized}'.");
        await db.SaveChangesAsync(cancellationToken);
        if (role == Roles.Admin)
        {
            notifier.Publish(NotificationEvent.AdminCreated(normalized, actor.Name));
        }

        return user;
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var active = await sessions.CountActiveAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NameKey).ToListAsync(cancellationToken);
        return users.Select(u => new UserView(u.Id, u.Name, u.Role, u.DisabledAt is null, u.CreatedAt, u.LastSeenAt, u.LastSeenAddress,
            active.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>The user named <paramref name="name"/>: exactly, or else case-insensitively.</summary>
    /// <exception cref="AccountNotFoundException">No such user.</exception>
    public async Task<UserEntity> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var normalized = AccountName.Normalize(name);
        var key = AccountName.LookalikeKey(normalized);
        var candidates = await db.Users.AsNoTracking().Where(u => u.Name == name || u.Name == normalized || u.NameKey == key).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(u => u.Name == name)
            ?? candidates.FirstOrDefault(u => string.Equals(u.Name, normalized, StringComparison.OrdinalIgnoreCase))
            ?? throw new AccountNotFoundException($"No user is named '{AccountName.Display(normalized)}'.");
    }

    /// <summary>Sets a new password; every session of the user ends, except <paramref name="keepSessionId"/> (the one
    /// that changed its own password). Returns how many sessions ended.</summary>
    public async Task<int> SetPasswordAsync(int userId, string password, Actor actor, int? keepSessionId = null, CancellationToken cancellationToken = default)
    {
        if (PasswordRules.Check(password) is { } weak)
        {
            throw new ArgumentException(weak, nameof(password));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await GetAsync(userId, cancellationToken);
        user.PasswordHash = _hasher.HashPassword(user, password);
        var ended = await sessions.EndAllAsync(userId, keepSessionId, cancellationToken);
        audit.Add(actor, AuditActions.UserPassword, keepSessionId is null
            ? $"Set a new password for user '{user.Name}'; {Sessions(ended)} ended."
            : $"User '{user.Name}' changed their own password; {Sessions(ended)} elsewhere ended.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    /// <summary>Stops the user from signing in and ends every session of theirs.</summary>
    /// <exception cref="LastAdminException">The user is the last enabled admin.</exception>
    public async Task<int> DisableAsync(int userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await GetAsync(userId, cancellationToken);
        await RefuseLastAdminAsync(user, "disabled", cancellationToken);
        user.DisabledAt ??= time.GetUtcNow();
        var ended = await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
        audit.Add(actor, AuditActions.UserDisable, $"Disabled {user.Role} user '{user.Name}'; {Sessions(ended)} ended.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    public async Task EnableAsync(int userId, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await GetAsync(userId, cancellationToken);
        user.DisabledAt = null;
        audit.Add(actor, AuditActions.UserEnable, $"Enabled {user.Role} user '{user.Name}'.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the user and their sessions; the audit log keeps their name.</summary>
    /// <exception cref="LastAdminException">The user is the last enabled admin.</exception>
    public async Task RemoveAsync(int userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await GetAsync(userId, cancellationToken);
        await RefuseLastAdminAsync(user, "removed", cancellationToken);
        var ended = await sessions.EndAllAsync(userId, cancellationToken: cancellationToken);
        db.Users.Remove(user);
        audit.Add(actor, AuditActions.UserRemove, $"Removed {user.Role} user '{user.Name}'; {Sessions(ended)} ended.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="password"/> is the user's password.</summary>
    public bool VerifyPassword(UserEntity user, string password) =>
        _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    internal static string Taken(string what, string wanted, string existing) =>
        string.Equals(wanted, existing, StringComparison.OrdinalIgnoreCase)
            ? $"A {what} named '{AccountName.Display(existing)}' already exists (names are compared without regard to case)."
            : $"The name '{AccountName.Display(wanted)}' looks like the existing {what} '{AccountName.Display(existing)}'; choose a name that cannot be mistaken for it.";

    private async Task<UserEntity> GetAsync(int userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
        ?? throw new AccountNotFoundException($"User {userId} does not exist.");

    // Runs inside the caller's write transaction, so two admins disabling each other cannot both succeed.
    private async Task RefuseLastAdminAsync(UserEntity user, string verb, CancellationToken cancellationToken)
    {
        if (user.Role == Roles.Admin && user.DisabledAt is null
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Roles.Admin && u.DisabledAt == null, cancellationToken))
        {
            throw new LastAdminException(
                $"'{AccountName.Display(user.Name)}' is the last enabled admin and cannot be {verb}: nobody could manage the panel any more. Add or enable another admin first.");
        }
    }

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count} sessions";
}
