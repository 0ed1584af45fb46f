using KnockAdmin.Core.Accounts;
using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>
/// Checks a name and password for the panel, throttled by <see cref="LoginThrottle"/>, with an audit entry for every
/// checked attempt and for the first refusal of each wait. The same goes for the password asked again inside a
/// session (re-authentication, own password change), which is throttled per session.
/// </summary>
public sealed class LoginService(
    KnockAdminDbContext db,
    UserService users,
    AuditLog audit,
    LoginThrottle throttle,
    INotifier notifier,
    IOptions<SecurityOptions> options,
    TimeProvider time)
{
    private static readonly UserEntity DummyUser = new() { Name = "", Role = Roles.Viewer, PasswordHash = "" };

    // A real hash of a random password: an unknown name costs the same PBKDF2 work as a known one.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<UserEntity>().HashPassword(DummyUser, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    /// <param name="device">The browser's device cookie, if it has a valid one: attempts for the user it names are
    /// counted for that browser alone, so a flood from elsewhere (or from the same address) cannot slow its owner down.</param>
    public async Task<LoginResult> LoginAsync(string? name, string? password, string? remoteAddress, KnownDevice? device = null,
        CancellationToken cancellationToken = default)
    {
        var typed = (name ?? "").Trim();
        var normalized = AccountName.Normalize(typed);
        password ??= "";
        var actor = new Actor("user:" + Shorten(AccountName.Display(normalized)), remoteAddress);

        var user = normalized.Length is > 0 and <= 200 ? await FindForSignInAsync(typed, normalized, cancellationToken) : null;
        var key = device is not null && user is not null && device.UserId == user.Id
            ? LoginThrottle.DeviceKey(device.DeviceId)
            : LoginThrottle.AccountAddressKey(normalized, remoteAddress);

        var decision = await throttle.BeginAttemptAsync(key, cancellationToken);
        if (!decision.Allowed)
        {
            // Not checked at all, so a wait cannot be used to test passwords; audited once per wait, not per request.
            if (decision.FirstRefusal)
            {
                await audit.WriteAsync(actor, LoginAuditActions.LoginThrottled,
                    $"Login refused without checking: too many failed sign-ins for this name from here; the next try is possible in {Seconds(decision.Wait!.Value)} s. "
                    + "Further refusals during this wait are not logged.", cancellationToken);
            }

            return new LoginResult(LoginOutcome.Throttled, Wait: decision.Wait);
        }

        var passwordRight = Verify(user, password);
        if (user is null || !passwordRight || user.DisabledAt is not null)
        {
            var detail = user is null ? "Login failed: unknown name."
                : !passwordRight ? "Login failed: wrong password."
                : "Login refused: the account is disabled.";
            await audit.WriteAsync(actor, LoginAuditActions.LoginFailed, detail, cancellationToken);
            if (decision.Attempt == options.Value.FailuresBeforeDelay)
            {
                // Once per name and address (or browser) and failure window: the moment the waits begin.
                notifier.Publish(NotificationEvent.SignInFailures(AccountName.Display(normalized), remoteAddress, decision.Attempt, options.Value.FailureWindow));
            }

            return new LoginResult(LoginOutcome.WrongNameOrPassword);
        }

        await throttle.SucceededAsync(key, cancellationToken);
        await audit.WriteAsync(actor with { Name = "user:" + user.Name }, AuditActions.Login, $"Login succeeded ({user.Role}).", cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, new SignedInUser(user.Id, user.Name, user.Role, time.GetUtcNow()));
    }

    /// <summary>Checks the password of a signed-in user again (before apply or rollback), throttled per session.</summary>
    /// <returns>The user with a fresh proof time, or null (wrong password, throttled, user gone or disabled).</returns>
    public async Task<SignedInUser?> ReauthenticateAsync(int userId, int sessionId, string? password, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        var (user, _) = await CheckOwnPasswordAsync(userId, sessionId, password, remoteAddress, LoginAuditActions.ReauthenticateFailed, cancellationToken);
        if (user is null)
        {
            return null;
        }

        await audit.WriteAsync(new Actor("user:" + user.Name, remoteAddress), LoginAuditActions.Reauthenticate, "Password confirmed again.", cancellationToken);
        return new SignedInUser(user.Id, user.Name, user.Role, time.GetUtcNow());
    }

    /// <summary>
    /// Changes the signed-in user's own password after checking the current one (throttled per session). Every other
    /// session of the user ends; this one stays, since its owner has just proved the password.
    /// </summary>
    /// <returns>Null on success, otherwise what went wrong.</returns>
    public async Task<string?> ChangeOwnPasswordAsync(int userId, int sessionId, string? currentPassword, string newPassword, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        if (PasswordRules.Check(newPassword) is { } weak)
        {
            return weak;
        }

        var (user, message) = await CheckOwnPasswordAsync(userId, sessionId, currentPassword, remoteAddress, LoginAuditActions.ReauthenticateFailed, cancellationToken);
        if (user is null)
        {
            return message;
        }

        await users.SetPasswordAsync(user.Id, newPassword, new Actor("user:" + user.Name, remoteAddress), keepSessionId: sessionId, cancellationToken: cancellationToken);
        return null;
    }

    private async Task<(UserEntity? User, string Message)> CheckOwnPasswordAsync(
        int userId, int sessionId, string? password, string? remoteAddress, string failedAction, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            return (null, "Your account no longer exists or is disabled.");
        }

        var actor = new Actor("user:" + user.Name, remoteAddress);
        var key = LoginThrottle.SessionKey(sessionId);
        var decision = await throttle.BeginAttemptAsync(key, cancellationToken);
        if (!decision.Allowed)
        {
            if (decision.FirstRefusal)
            {
                await audit.WriteAsync(actor, failedAction, $"Password not checked: too many wrong passwords in this session; the next try is possible in {Seconds(decision.Wait!.Value)} s.", cancellationToken);
            }

            return (null, LoginResult.ThrottledMessage(decision.Wait!.Value));
        }

        if (!Verify(user, password ?? ""))
        {
            await audit.WriteAsync(actor, failedAction, "Wrong password.", cancellationToken);
            return (null, "The current password is wrong.");
        }

        await throttle.SucceededAsync(key, cancellationToken);
        return (user, "");
    }

    /// <summary>The user of a typed name: the exact stored name (names from before the naming rules), else the one
    /// that matches without regard to case.</summary>
    private async Task<UserEntity?> FindForSignInAsync(string typed, string normalized, CancellationToken cancellationToken)
    {
        var key = AccountName.LookalikeKey(normalized);
        var candidates = await db.Users.AsNoTracking().Where(u => u.Name == typed || u.NameKey == key).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(u => u.Name == typed)
            ?? candidates.FirstOrDefault(u => string.Equals(u.Name, normalized, StringComparison.OrdinalIgnoreCase));
    }

    private bool Verify(UserEntity? user, string password)
    {
        if (!PasswordRules.MayBeChecked(password))
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

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static string Shorten(string name) => name.Length <= AccountName.MaxLength ? name : name[..AccountName.MaxLength] + "…";
}
