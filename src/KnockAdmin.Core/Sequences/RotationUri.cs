using System.Globalization;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Sequences;

/// <summary>
/// Everything a client needs for a rotating profile in one URI, for a QR code a phone reads:
/// <c>knockadmin://rotating/NAME?secret=BASE32&amp;period=60&amp;length=4&amp;start=10000&amp;end=65000[&amp;host=HOST]</c>.
/// docs/rotating-sequences.md describes it for client authors.
/// </summary>
/// <remarks>
/// Not an <c>otpauth://</c> URI: an authenticator app would read it and show six-digit codes that open nothing.
/// </remarks>
public static class RotationUri
{
    public const string Scheme = "knockadmin";

    public static string Of(string profile, string secretBase32, Rotation rotation, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var query = new List<string>
        {
            $"secret={Uri.EscapeDataString(secretBase32)}",
            Number("period", rotation.PeriodSeconds),
            Number("length", rotation.Length),
            Number("start", rotation.PortRangeStart),
            Number("end", rotation.PortRangeEnd),
        };
        if (!string.IsNullOrWhiteSpace(host))
        {
            query.Add($"host={Uri.EscapeDataString(host.Trim())}");
        }

        return $"{Scheme}://rotating/{Uri.EscapeDataString(profile)}?{string.Join('&', query)}";
    }

    private static string Number(string name, int value) => $"{name}={value.ToString(CultureInfo.InvariantCulture)}";
}
