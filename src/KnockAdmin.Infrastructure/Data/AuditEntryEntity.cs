namespace KnockAdmin.Infrastructure.Data;

/// <summary>One line of the audit log: who did what, when, from where.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string Actor { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>A short dotted verb such as <c>profile.update</c>; see <c>AuditActions</c>.</summary>
    public required string Action { get; set; }

    public string Detail { get; set; } = "";
}
