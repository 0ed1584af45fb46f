using System.Net;

namespace KnockAdmin.Web.Security;

/// <summary>Finds addresses the panel listens on in clear text beyond this host.</summary>
public static class BindingCheck
{
    /// <summary>The addresses of <paramref name="urls"/> that use plain HTTP on anything but loopback
    /// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>, a LAN address or a host name).</summary>
    public static IReadOnlyList<string> PlainHttpBeyondLoopback(IEnumerable<string> urls) =>
        urls.Where(url => !string.IsNullOrWhiteSpace(url) && IsPlainHttpBeyondLoopback(url.Trim())).Select(url => url.Trim()).ToList();

    public static bool IsPlainHttpBeyondLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase) || address.IsUnixPipe || address.IsNamedPipe)
        {
            return false;
        }

        return !IsLoopbackHost(address.Host);
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public static string WarningFor(IReadOnlyList<string> urls) =>
        $"KnockAdmin listens on {string.Join(", ", urls)} WITHOUT HTTPS on a non-loopback address: passwords, session cookies "
        + "and the firewall configuration cross the network in clear text. Bind to 127.0.0.1 (Urls) and reach the panel "
        + "through SSH or a VPN, or configure an HTTPS endpoint with a certificate (Kestrel:Endpoints:Https:Url and "
        + "Kestrel:Endpoints:Https:Certificate:Path/Password).";
}
