using System.Globalization;
using System.Text.RegularExpressions;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>Turns a failed iptables-restore into a message that points at the line of input it refused.</summary>
internal static partial class RestoreFailure
{
    public static FirewallException Describe(string tool, string step, int exitCode, string standardError, string script)
    {
        var error = standardError.Trim();
        var match = LineNumberPattern().Match(error);
        if (!match.Success)
        {
            return new FirewallException($"{tool} failed with exit code {exitCode}: {error}", step, exitCode);
        }

        var lineNumber = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var lines = script.Split('\n');
        var offending = lineNumber >= 1 && lineNumber <= lines.Length ? lines[lineNumber - 1] : null;
        var where = offending is null ? $"line {lineNumber}" : $"line {lineNumber}: {offending}";
        return new FirewallException(
            $"{tool} rejected the rules at {where} (exit code {exitCode}): {error}", step, exitCode, lineNumber, offending);
    }

    // "iptables-restore: line 5 failed" and "Error occurred at line: 5" are both printed by iptables 1.8.
    [GeneratedRegex(@"line:? (?<line>\d+)")]
    private static partial Regex LineNumberPattern();
}
