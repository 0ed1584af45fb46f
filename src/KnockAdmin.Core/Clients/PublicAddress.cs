namespace KnockAdmin.Core.Clients;

/// <summary>
/// Where users reach this host, as an admin stores it for the client commands: a host name and/or an IPv4 and an
/// IPv6 address, separated by spaces or commas (<c>knock.example.org 2001:db8::7</c>).
/// </summary>
public sealed record PublicAddress
{
    public const int MaxEntries = 4;

    private PublicAddress(IReadOnlyList<ClientHost> entries)
    {
        Entries = entries;
    }

    public static PublicAddress None { get; } = new([]);

    public IReadOnlyList<ClientHost> Entries { get; }

    /// <summary>What IPv4 clients knock: the host name when there is one, else the IPv4 address.</summary>
    public ClientHost? Ipv4Target => Entries.FirstOrDefault(entry => !entry.IsIpv6);

    /// <summary>What IPv6 clients knock: the IPv6 address (the commands then use <c>-6</c>).</summary>
    public ClientHost? Ipv6Target => Entries.FirstOrDefault(entry => entry.IsIpv6);

    /// <summary>The addresses to write commands for, IPv4 (or the host name) first.</summary>
    public IReadOnlyList<ClientHost> Targets => new[] { Ipv4Target, Ipv6Target }.OfType<ClientHost>().ToList();

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>As stored and shown: the entries separated by spaces.</summary>
    public string Text => string.Join(' ', Entries.Select(entry => entry.Value));

    public override string ToString() => Text;

    /// <exception cref="ArgumentException">An entry is not a host name, IPv4 or IPv6 address, or there are too many.</exception>
    public static PublicAddress Parse(string? text)
    {
        var parts = (text ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxEntries)
        {
            throw new ArgumentException($"Give at most {MaxEntries} entries: a host name, an IPv4 and an IPv6 address.", nameof(text));
        }

        var entries = parts.Select(ClientHost.Parse).ToList();
        if (entries.Count(entry => entry.IsIpv6) > 1)
        {
            throw new ArgumentException("Give one IPv6 address; the commands knock one address per family.", nameof(text));
        }

        return new PublicAddress(entries.DistinctBy(entry => entry.Value).ToList());
    }
}
