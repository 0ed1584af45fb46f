namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>Another apply or rollback is running, or waits for its confirmation; nothing was changed.</summary>
public sealed class ApplyInProgressException(string message) : Exception(message);

/// <summary>The revision cannot do what was asked (confirm too late, roll back to a failed one...); nothing was changed.</summary>
public sealed class RevisionStateException(string message) : Exception(message);
