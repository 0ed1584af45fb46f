namespace KnockAdmin.Core.Recent;

/// <summary>The entries of one list file, plus every line that could not be read.</summary>
public sealed record RecentParseResult(IReadOnlyList<RecentEntry> Entries, IReadOnlyList<RecentParseProblem> Problems);
