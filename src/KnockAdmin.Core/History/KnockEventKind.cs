namespace KnockAdmin.Core.History;

public enum KnockEventKind
{
    /// <summary>An address knocked the whole sequence.</summary>
    Completed,

    /// <summary>An address knocked part of the sequence and went no further (timed out, or reset by a wrong knock).</summary>
    Stopped,

    /// <summary>An admin put an address into a list by hand.</summary>
    Granted,

    /// <summary>An admin took an address out of a list by hand.</summary>
    Revoked,
}
