using System.Globalization;

namespace KnockAdmin.Benchmarks;

/// <summary>
/// Command line: <c>apply</c>, <c>knock</c>, <c>live</c>, <c>viewers</c>, <c>footprint</c>, <c>flood</c>, <c>history</c>, <c>rotation</c> or BenchmarkDotNet's own arguments (e.g. <c>--filter *Parser*</c>) for
/// the parser and generator benchmarks. <c>--out DIR</c>, <c>--iterations N</c>, <c>--profiles 1,10,50</c>, <c>--pages 1,10,30,50</c> and
/// <c>--runs N</c> are ours and never reach BenchmarkDotNet.
/// </summary>
public sealed record BenchmarkArguments(
    string Mode, string? OutputDirectory, int Iterations, int[]? ProfileCounts, int? Runs, string[] Rest, int[]? PageCounts = null)
{
    public const string ApplyMode = "apply";
    public const string KnockMode = "knock";
    public const string MicroMode = "micro";
    public const string LiveMode = "live";
    public const string ViewersMode = "viewers";
    public const string FootprintMode = "footprint";
    public const string FloodMode = "flood";
    public const string HistoryMode = "history";
    public const string RotationMode = "rotation";

    public static BenchmarkArguments Parse(string[] args)
    {
        var mode = args.Length > 0 && args[0] is ApplyMode or KnockMode or LiveMode or ViewersMode or FootprintMode or FloodMode or HistoryMode or RotationMode or MicroMode ? args[0] : MicroMode;
        var rest = new List<string>();
        string? output = null;
        var iterations = 15;
        int[]? profiles = null;
        int[]? pages = null;
        int? runs = null;
        for (var index = mode == MicroMode && (args.Length == 0 || args[0] != MicroMode) ? 0 : 1; index < args.Length; index++)
        {
            switch (args[index])
            {
                case "--out":
                    output = Path.GetFullPath(Value(args, ++index, "--out"));
                    break;
                case "--iterations":
                    iterations = Number(Value(args, ++index, "--iterations"), "--iterations");
                    break;
                case "--runs":
                    runs = Number(Value(args, ++index, "--runs"), "--runs");
                    break;
                case "--pages":
                    pages = [.. Value(args, ++index, "--pages").Split(',').Select(part => Number(part, "--pages"))];
                    break;
                case "--profiles":
                    profiles = [.. Value(args, ++index, "--profiles").Split(',').Select(part => Number(part, "--profiles"))];
                    break;
                default:
                    rest.Add(args[index]);
                    break;
            }
        }

        if (mode != MicroMode && rest.Count > 0)
        {
            throw new ArgumentException($"Unknown argument for '{mode}': {string.Join(' ', rest)}");
        }

        return new BenchmarkArguments(mode, output, iterations, profiles, runs, [.. rest], pages);
    }

    private static string Value(string[] args, int index, string option) =>
        index < args.Length ? args[index] : throw new ArgumentException($"{option} needs a value.");

    private static int Number(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} expects a positive whole number, got '{text}'.");
}
