using KnockAdmin.Core.Validation;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>A revision just applied or rolled back to, with the warnings about what it let in and the configuration version it applied.</summary>
public sealed record AppliedRevision(RevisionView Revision, IReadOnlyList<ValidationIssue> Warnings, string ConfigVersion);
