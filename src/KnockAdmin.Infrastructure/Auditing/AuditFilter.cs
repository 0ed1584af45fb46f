namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="Action">One action exactly (<c>profile.update</c>); null for all.</param>
/// <param name="Actor">One author exactly (<c>user:alice</c>, <c>token:ci</c>); null for all.</param>
/// <param name="Text">Words found in any column of text (author, address, action, detail), whatever their case.</param>
public sealed record AuditFilter(string? Action = null, string? Actor = null, string? Text = null, int Limit = AuditFilter.PageSize, int Offset = 0)
{
    public const int PageSize = 100;

    /// <summary>The most entries one export writes.</summary>
    public const int MaxExport = 10_000;
}
