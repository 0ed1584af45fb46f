namespace KnockAdmin.Core.Failures;

/// <summary>
/// What went wrong, in the few kinds every surface answers differently: the API with a status code, the command line
/// with an exit code, the pages with words. In every kind but <see cref="Unavailable"/> after a commit, nothing was
/// changed.
/// </summary>
public enum FailureKind
{
    /// <summary>The input is wrong; the issues say where.</summary>
    Invalid,

    /// <summary>The item asked for does not exist (any more).</summary>
    NotFound,

    /// <summary>The request contradicts the current state: an edit conflict, a revision in the wrong state, a changed
    /// configuration, the last admin.</summary>
    Conflict,

    /// <summary>Another apply or rollback runs or waits for its confirmation.</summary>
    Busy,

    /// <summary>The kernel rejected the rules (a line of the input to iptables-restore was at fault).</summary>
    Rejected,

    /// <summary>A firewall step or a kernel write failed for another reason.</summary>
    FirewallFailed,

    /// <summary>Something the operation needs (the database, the privileges, the watchdog) is not there.</summary>
    Unavailable,

    /// <summary>The caller may not do this (a viewer, a password to enter again, a session that ended).</summary>
    Forbidden,
}
