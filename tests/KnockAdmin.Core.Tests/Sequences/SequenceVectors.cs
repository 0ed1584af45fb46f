using System.Globalization;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Sequences;

/// <summary>One row of the test vectors table in docs/rotating-sequences.md, the single source of the vectors.</summary>
public sealed record SequenceVector(byte[] Secret, Rotation Rotation, long UnixTime, long Period, int[] Ports)
{
    public static IReadOnlyList<SequenceVector> FromDocs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Sequences", "rotating-sequences.md");
        return File.ReadLines(path).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).Select(Parse).ToList();
    }

    private static SequenceVector Parse(string line)
    {
        var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
        var range = cells[3].Split('–');
        var rotation = new Rotation
        {
            PeriodSeconds = Number(cells[1]),
            Length = Number(cells[2]),
            PortRangeStart = Number(range[0]),
            PortRangeEnd = Number(range[1]),
        };
        return new SequenceVector(
            Convert.FromHexString(cells[0].Trim('`')),
            rotation,
            long.Parse(cells[4], CultureInfo.InvariantCulture),
            long.Parse(cells[5], CultureInfo.InvariantCulture),
            [.. cells[6].Split(' ').Select(Number)]);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
