using System.Net;
using KnockAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Whether a sign-in attempt may be checked now, and if not, how long to wait.</summary>
/// <param name="Attempt">The number of this attempt since the key was last cleared or idle for the failure window (0 when refused).</param>
public sealed record ThrottleDecision(TimeSpan? Wait, bool FirstRefusal, int Attempt = 0)
{
    public bool Allowed => Wait is null;
}

/// <summary>
/// Progressive delays instead of a lock: attempts are counted per key (a name from an address, a name from a browser
/// that signed in to it before, or a session) and, after <see cref="SecurityOptions.FailuresBeforeDelay"/> of them,
/// each further attempt must wait twice as long as the one before, up to <see cref="SecurityOptions.MaxLoginDelay"/>
/// (at most a minute). No key ever blocks another, so a flood of wrong passwords for one name never refuses another
/// name, and the owner of the attacked name gets a try at least once a minute (at once from a browser they signed in
/// with before). An attempt is counted before its password is checked, in one write transaction, so that parallel
/// requests cannot check more passwords than the delays allow. Kept in the database: a restart changes nothing.
/// </summary>
public sealed class LoginThrottle(KnockAdminDbContext db, IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly SecurityOptions _options = options.Value;

    /// <summary>A name typed at sign-in from an address; IPv6 addresses count by their /64, which one host can fill.</summary>
    public static string AccountAddressKey(string name, string? address) =>
        $"account:{Shorten(Core.Accounts.AccountName.LookalikeKey(name))}|address:{AddressPart(address)}";

    /// <summary>A name typed in a browser that signed in to that user before (see the device cookie).</summary>
    public static string DeviceKey(string deviceId) => "device:" + deviceId;

    /// <summary>The password asked again inside a session (re-authentication, password change).</summary>
    public static string SessionKey(int sessionId) => "session:" + sessionId;

    /// <summary>The wait before attempt number <paramref name="attempt"/> may follow the one before it.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var beyond = attempt - _options.FailuresBeforeDelay;
        if (beyond <= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = beyond >= 20 ? double.MaxValue : Math.Pow(2, beyond - 1);
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxLoginDelaySeconds));
    }

    /// <summary>Counts an attempt for <paramref name="key"/> when one may be made now; otherwise says how long to wait.</summary>
    public async Task<ThrottleDecision> BeginAttemptAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var state = await db.LoginThrottles.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (state is null)
        {
            // Rows of names nobody tried lately; keeps the table as small as the recent attempts.
            await db.LoginThrottles.Where(t => t.LastAttemptAt <= now - _options.FailureWindow && t.NotBefore <= now)
                .ExecuteDeleteAsync(cancellationToken);
            state = new LoginThrottleEntity { Key = key };
            db.LoginThrottles.Add(state);
        }
        else if (now < state.NotBefore)
        {
            var first = !state.RefusalLogged;
            state.RefusalLogged = true;
            await SaveAsync(state, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ThrottleDecision(state.NotBefore - now, first);
        }
        else if (state.LastAttemptAt <= now - _options.FailureWindow)
        {
            state.Attempts = 0;
        }

        state.Attempts++;
        state.LastAttemptAt = now;
        // Counted as a failure until the caller reports a success, so the next attempt already waits.
        state.NotBefore = now + DelayBefore(state.Attempts + 1);
        state.RefusalLogged = false;
        await SaveAsync(state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ThrottleDecision(null, false, state.Attempts);
    }

    /// <summary>The attempt was right: the key starts afresh.</summary>
    public async Task SucceededAsync(string key, CancellationToken cancellationToken = default) =>
        await db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);

    // Saved and let go: the row is also deleted in bulk (SucceededAsync), which a tracked copy would not notice.
    private async Task SaveAsync(LoginThrottleEntity state, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(state).State = EntityState.Detached;
    }

    private static string AddressPart(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return ip.ToString();
    }

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100];
}
