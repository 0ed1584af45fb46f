namespace KnockAdmin.Infrastructure.Data;

/// <summary>Where an applied revision stands. Stored by name.</summary>
public enum RevisionState
{
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
