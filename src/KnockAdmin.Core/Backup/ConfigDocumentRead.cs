using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Backup;

/// <summary>What reading a backup document gave: the configuration, or every reason it could not be read.</summary>
/// <param name="SchemaVersion">The version the document declared (before upgrading), when it could be read.</param>
public sealed record ConfigDocumentRead(FirewallConfig? Config, int? SchemaVersion, IReadOnlyList<ValidationIssue> Issues)
{
    public bool Succeeded => Config is not null && Issues.Count == 0;
}
