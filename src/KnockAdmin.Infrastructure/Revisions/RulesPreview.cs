using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Diffs;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>An apply as previewed: what it would do, the rules it would put there, and how they differ from the live ones.</summary>
/// <param name="Differences">Per family read from the kernel, live "-" against desired "+"; empty when the live rules
/// could not be read.</param>
/// <param name="LiveFailure">Why the live rules could not be read, or null.</param>
public sealed record RulesPreview(
    ApplyPreview Apply, GeneratedRules Rules, IReadOnlyDictionary<IpFamily, IReadOnlyList<DiffLine>> Differences, KnockAdminException? LiveFailure)
{
    /// <summary>This preview when it is whole: the API and the command line answer with the failure instead of a part.</summary>
    /// <exception cref="InvalidInputException">The stored configuration has errors.</exception>
    /// <exception cref="KnockAdminException">The live rules could not be read (<see cref="LiveFailure"/>).</exception>
    public RulesPreview Whole()
    {
        if (!Apply.Validation.IsValid)
        {
            throw new InvalidInputException(Apply.Validation.Errors);
        }

        return LiveFailure is null ? this : throw LiveFailure;
    }

    /// <summary>The diff of <paramref name="family"/>; against nothing when its live rules were not read.</summary>
    public IReadOnlyList<DiffLine> DiffOf(IpFamily family) =>
        Differences.GetValueOrDefault(family) ?? TextDiff.Compare("", Rules.For(family).ToSaveText());
}
