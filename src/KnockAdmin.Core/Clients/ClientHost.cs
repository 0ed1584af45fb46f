using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Clients;

/// <summary>
/// The server address a user knocks: a hostname, an IPv4 address or an IPv6 address (written without brackets).
/// It lands inside copy-paste shell commands, so nothing else is accepted.
/// </summary>
public sealed partial record ClientHost
{
    public const int MaxHostnameLength = 253;

    private ClientHost(string value, bool isIpv6)
    {
        Value = value;
        IsIpv6 = isIpv6;
    }

    /// <summary>The host as written into commands; IPv6 in its short form, without brackets.</summary>
    public string Value { get; }

    public bool IsIpv6 { get; }

    public override string ToString() => Value;

    /// <exception cref="ArgumentException">The host is not a hostname, IPv4 address or IPv6 address.</exception>
    public static ClientHost Parse(string? host)
    {
        const string Expected = "give a hostname (letters, digits, dots and hyphens, e.g. server.example.org), an IPv4 address (192.0.2.1) or an IPv6 address (2001:db8::1)";
        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException($"Host is required: {Expected}.", nameof(host));
        }

        if (host.Length > MaxHostnameLength + 2)
        {
            throw new ArgumentException($"Host is {host.Length} characters long; a hostname has at most {MaxHostnameLength}.", nameof(host));
        }

        var unbracketed = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (unbracketed.Contains(':'))
        {
            return ParseIpv6(unbracketed)
                ?? throw new ArgumentException($"Host {Text.Quote(host)} is not a valid IPv6 address; {Expected}.", nameof(host));
        }

        if (unbracketed != host)
        {
            throw new ArgumentException($"Host {Text.Quote(host)}: only IPv6 addresses may be written in brackets; {Expected}.", nameof(host));
        }

        if (NumericName().IsMatch(host))
        {
            return DottedQuad().IsMatch(host)
                ? new ClientHost(host, isIpv6: false)
                : throw new ArgumentException($"Host {Text.Quote(host)} is not a valid IPv4 address (four numbers 0–255 separated by dots, e.g. 192.0.2.1).", nameof(host));
        }

        if (host.Length > MaxHostnameLength || !host.Split('.').All(label => HostnameLabel().IsMatch(label)))
        {
            throw new ArgumentException($"Host {Text.Quote(host)} is not a valid hostname; {Expected}. Each dot-separated part has 1–63 letters, digits or hyphens and does not start or end with a hyphen.", nameof(host));
        }

        return new ClientHost(host, isIpv6: false);
    }

    private static ClientHost? ParseIpv6(string candidate)
    {
        // The character check keeps out scope ids (%eth0) and anything a shell would interpret.
        return Ipv6Characters().IsMatch(candidate)
            && IPAddress.TryParse(candidate, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6
                ? new ClientHost(address.ToString(), isIpv6: true)
                : null;
    }

    [GeneratedRegex(@"^[0-9A-Fa-f:.]+\z")]
    private static partial Regex Ipv6Characters();

    // All-numeric names are meant as IPv4 addresses: a top-level domain is never all digits.
    [GeneratedRegex(@"^[0-9.]+\z")]
    private static partial Regex NumericName();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z")]
    private static partial Regex HostnameLabel();
}
