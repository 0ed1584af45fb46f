namespace KnockAdmin.Core.Model;

/// <summary>Host-wide settings that apply to every profile.</summary>
public sealed record HostSettings
{
    /// <summary>Ports accepted for everyone, without knocking.</summary>
    public IReadOnlyList<PortSpec> PublicPorts { get; init; } = [];

    /// <summary>Interfaces whose traffic bypasses knocking (loopback, VPN). A trailing <c>+</c> is a wildcard.</summary>
    public IReadOnlyList<string> TrustedInterfaces { get; init; } = ["lo"];

    /// <summary>IPv4 or IPv6 networks in CIDR form whose traffic bypasses knocking.</summary>
    public IReadOnlyList<string> TrustedSources { get; init; } = [];

    public bool AcceptEstablished { get; init; } = true;

    /// <summary>When off, KnockAdmin leaves ip6tables alone (and removes what it put there before).</summary>
    public bool Ipv6 { get; init; } = true;

    public GeneratorOptions Options { get; init; } = new();
}
