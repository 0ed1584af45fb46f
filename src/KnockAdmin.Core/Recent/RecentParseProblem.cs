namespace KnockAdmin.Core.Recent;

/// <summary>A line of a list file that was skipped, with the reason.</summary>
/// <param name="Line">The line as read, shortened when it was very long.</param>
public sealed record RecentParseProblem(int LineNumber, string Line, string Reason)
{
    public override string ToString() => $"line {LineNumber}: {Reason}: {Line}";
}
