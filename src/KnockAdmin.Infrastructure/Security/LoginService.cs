using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Checks a name and password for the panel, with lockout and an audit entry for every attempt.</summary>
public sealed class LoginService(
    KnockAdminDbContext db,
    UserService users,
    AuditLog audit,
    LoginThrottle throttle,
    IOptions<SecurityOptions> options,
    TimeProvider time)
{
    /// <summary>Longer input is refused without hashing it, so that nobody can make us hash megabytes.</summary>
    public const int MaxPasswordLength = 1024;

    private static readonly UserEntity DummyUser = new() { Name = "", Role = Roles.Viewer, PasswordHash = "" };

    // A real hash of a random password: an unknown name costs the same PBKDF2 work as a known one.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<UserEntity>().HashPassword(DummyUser, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public async Task<LoginResult> LoginAsync(string? name, string? password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        password ??= "";
        var actor = new Actor("user:" + Shorten(name), remoteAddress);
        var accountKey = LoginThrottle.AccountKey(name);
        var addressKey = LoginThrottle.AddressKey(remoteAddress);

        if (throttle.LockedUntil(accountKey) is not null || throttle.LockedUntil(addressKey) is not null)
        {
            // Not even a correct password gets in while locked; checking it would turn the lock into an oracle.
            await audit.WriteAsync(actor, LoginAuditActions.LoginLocked,
                "Login refused: too many failed logins for this account or this address.", cancellationToken);
            return new LoginResult(LoginOutcome.LockedOut);
        }

        var user = name.Length is > 0 and <= UserService.MaxNameLength
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == name, cancellationToken)
            : null;
        if (user is null || !Verify(user, password))
        {
            var lockedAccount = throttle.RecordFailure(accountKey);
            var lockedAddress = throttle.RecordFailure(addressKey);
            var detail = (user is null ? "Login failed: unknown name." : "Login failed: wrong password.")
                + (lockedAccount ? $" The account is locked for {options.Value.LockoutMinutes} minutes." : "")
                + (lockedAddress ? $" The address is locked for {options.Value.LockoutMinutes} minutes." : "");
            await audit.WriteAsync(actor, LoginAuditActions.LoginFailed, detail, cancellationToken);
            return new LoginResult(LoginOutcome.WrongNameOrPassword);
        }

        throttle.Reset(accountKey);
        await audit.WriteAsync(actor, AuditActions.Login, $"Login succeeded ({user.Role}).", cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, new SignedInUser(user.Id, user.Name, user.Role, time.GetUtcNow()));
    }

    /// <summary>Checks the password of a signed-in user again (before apply or rollback). Failures count towards the
    /// account's lockout; a locked account cannot re-authenticate.</summary>
    public async Task<SignedInUser?> ReauthenticateAsync(int userId, string? password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var actor = new Actor("user:" + user.Name, remoteAddress);
        var accountKey = LoginThrottle.AccountKey(user.Name);
        if (throttle.LockedUntil(accountKey) is not null)
        {
            await audit.WriteAsync(actor, LoginAuditActions.ReauthenticateFailed, "Re-authentication refused: the account is locked.", cancellationToken);
            return null;
        }

        if (!Verify(user, password ?? ""))
        {
            var locked = throttle.RecordFailure(accountKey);
            await audit.WriteAsync(actor, LoginAuditActions.ReauthenticateFailed,
                "Re-authentication failed: wrong password." + (locked ? $" The account is locked for {options.Value.LockoutMinutes} minutes." : ""),
                cancellationToken);
            return null;
        }

        throttle.Reset(accountKey);
        await audit.WriteAsync(actor, LoginAuditActions.Reauthenticate, "Password confirmed again.", cancellationToken);
        return new SignedInUser(user.Id, user.Name, user.Role, time.GetUtcNow());
    }

    private bool Verify(UserEntity? user, string password)
    {
        if (password.Length > MaxPasswordLength)
        {
            return false;
        }

        if (user is null)
        {
            new PasswordHasher<UserEntity>().VerifyHashedPassword(DummyUser, DummyHash.Value, password);
            return false;
        }

        return users.VerifyPassword(user, password);
    }

    private static string Shorten(string name) => name.Length <= UserService.MaxNameLength ? name : name[..UserService.MaxNameLength] + "…";
}
