namespace KnockAdmin.Infrastructure.Data;

/// <summary>Recent failed sign-in attempts of one name from one address (or one known browser), and until when the
/// next attempt must wait. Stored so that a restart does not give an attacker fresh attempts.</summary>
public sealed class LoginThrottleEntity
{
    /// <summary>What the attempts are counted for, such as <c>account:alice|address:127.0.0.1</c>.</summary>
    public required string Key { get; set; }

    /// <summary>Attempts that were not (yet) followed by a success, within the failure window.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }

    /// <summary>No attempt is checked before this moment.</summary>
    public DateTimeOffset NotBefore { get; set; }

    /// <summary>Whether a refusal before <see cref="NotBefore"/> was audited already (one line per wait, not per request).</summary>
    public bool RefusalLogged { get; set; }
}
