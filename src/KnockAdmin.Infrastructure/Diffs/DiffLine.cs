namespace KnockAdmin.Infrastructure.Diffs;

public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);
