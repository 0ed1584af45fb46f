namespace KnockAdmin.Web.Cli;

/// <summary>Rows under a header, each column as wide as its widest cell, for the list verbs.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        return all.Select(row => string.Join("  ", row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
    }

    /// <summary>A time and an address as "2026-12-03 09:24:00Z from 127.0.0.1", or "never".</summary>
    public static string LastUse(DateTimeOffset? time, string? address) =>
        time is { } at ? RevisionText.Time(at) + (address is null ? "" : $" from {address}") : "never";
}
