using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace KnockAdmin.Infrastructure.Diffs;

/// <summary>Line diff of two rulesets (or any two texts), computed by DiffPlex.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(Differ.Instance, before, after, ignoreWhiteSpace: false, ignoreCase: false);
        return model.Lines
            .Where(line => line.Type != ChangeType.Imaginary)
            .Select(line => new DiffLine(KindOf(line.Type), line.Text))
            .ToList();
    }

    /// <summary>
    /// The diff as text: "+ " added, "- " removed, "  " unchanged. The space keeps the marker apart from a rule's own
    /// dash: "- -A KA-INPUT", never "--A KA-INPUT".
    /// </summary>
    public static string ToText(IEnumerable<DiffLine> lines) =>
        string.Join('\n', lines.Select(line => line.Kind switch
        {
            DiffKind.Added => "+ " + line.Text,
            DiffKind.Removed => "- " + line.Text,
            _ => "  " + line.Text,
        }));

    public static bool HasChanges(IEnumerable<DiffLine> lines) => lines.Any(line => line.Kind != DiffKind.Unchanged);

    private static DiffKind KindOf(ChangeType type) => type switch
    {
        ChangeType.Inserted => DiffKind.Added,
        ChangeType.Deleted => DiffKind.Removed,
        ChangeType.Modified => DiffKind.Added,
        _ => DiffKind.Unchanged,
    };
}
