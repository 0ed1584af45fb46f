using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>
/// Counts failed logins per key (an account name or a source address) and locks a key for
/// <see cref="SecurityOptions.Lockout"/> after <see cref="SecurityOptions.MaxFailedLogins"/> failures within
/// <see cref="SecurityOptions.FailureWindow"/>. Kept in memory: a restart clears it, which is acceptable for a
/// panel that only a few admins reach, and it keeps the database free of attacker-driven writes beyond the audit log.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    // Bounds the memory an attacker can make us spend by cycling names or addresses.
    private const int MaxTrackedKeys = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, KeyState> _keys = new(StringComparer.Ordinal);
    private readonly SecurityOptions _options = options.Value;

    public static string AccountKey(string name) => "account:" + name;

    public static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    /// <summary>When <paramref name="key"/> is locked, the moment the lock ends; otherwise null.</summary>
    public DateTimeOffset? LockedUntil(string key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            return _keys.TryGetValue(key, out var state) && state.LockedUntil > now ? state.LockedUntil : null;
        }
    }

    /// <summary>Counts a failure; returns true when this failure locked the key.</summary>
    public bool RecordFailure(string key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_keys.TryGetValue(key, out var state))
            {
                if (_keys.Count >= MaxTrackedKeys)
                {
                    Prune(now);
                }

                state = new KeyState();
                _keys[key] = state;
            }

            state.Failures.RemoveAll(failure => failure <= now - _options.FailureWindow);
            state.Failures.Add(now);
            if (state.Failures.Count < _options.MaxFailedLogins)
            {
                return false;
            }

            state.Failures.Clear();
            state.LockedUntil = now + _options.Lockout;
            return true;
        }
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (after a successful login to that account).</summary>
    public void Reset(string key)
    {
        lock (_lock)
        {
            _keys.Remove(key);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, state) in _keys.ToList())
        {
            if (state.LockedUntil <= now && state.Failures.All(failure => failure <= now - _options.FailureWindow))
            {
                _keys.Remove(key);
            }
        }

        // Still full of live entries: drop the oldest rather than grow without bound.
        if (_keys.Count >= MaxTrackedKeys)
        {
            foreach (var key in _keys.OrderBy(k => k.Value.Failures.LastOrDefault()).Take(_keys.Count / 10).Select(k => k.Key).ToList())
            {
                _keys.Remove(key);
            }
        }
    }

    private sealed class KeyState
    {
        public List<DateTimeOffset> Failures { get; } = [];

        public DateTimeOffset LockedUntil { get; set; }
    }
}
