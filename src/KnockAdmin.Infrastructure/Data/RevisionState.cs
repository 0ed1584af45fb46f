namespace KnockAdmin.Infrastructure.Data;

/// <summary>Where an applied revision stands. Stored by name.</summary>
public enum RevisionState
{
    /// <summary>
    /// Recorded, with the snapshot to go back to, before the kernel is touched. Becomes one of the states below when
    /// the apply has finished. Still applying while nobody holds the apply lock means the process applying it died:
    /// recovery puts the snapshot back.
    /// </summary>
    Applying,

    /// <summary>Applied; reverted automatically unless confirmed before the deadline.</summary>
    PendingConfirmation,

    /// <summary>Applied and kept (confirmed, or applied without a confirmation window).</summary>
    Confirmed,

    /// <summary>Not confirmed in time; the rules from before were restored.</summary>
    RevertedAutomatically,

    /// <summary>Was active and later replaced by a rollback to an earlier revision.</summary>
    RolledBack,

    /// <summary>Never became active: the apply failed (see the error).</summary>
    Failed,

    /// <summary>Was active and later replaced by a newer apply.</summary>
    Superseded,
}
