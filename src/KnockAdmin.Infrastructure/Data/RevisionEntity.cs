namespace KnockAdmin.Infrastructure.Data;

/// <summary>One apply of the configuration to the kernel, with everything needed to explain or undo it.</summary>
public sealed class RevisionEntity
{
    public int Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string Author { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>Why the apply was made, in the author's words (at most <c>ApplyNote.MaxLength</c> characters).</summary>
    public string? Note { get; set; }

    public RevisionState State { get; set; }

    /// <summary>The <c>FirewallConfig</c> as applied, in camelCase JSON.</summary>
    public required string ConfigJson { get; set; }

    public string RulesV4 { get; set; } = "";

    /// <summary>Empty when IPv6 was off.</summary>
    public string RulesV6 { get; set; } = "";

    /// <summary>The live IPv4 ruleset just before the apply, restored on revert.</summary>
    public string SnapshotV4 { get; set; } = "";

    public string SnapshotV6 { get; set; } = "";

    public string? Error { get; set; }

    /// <summary>Set while the revision waits for confirmation.</summary>
    public DateTimeOffset? ConfirmDeadline { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>Set when this revision was made by rolling back to an earlier one.</summary>
    public int? RollbackOfRevisionId { get; set; }
}
