using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>The full iptables-save and ip6tables-save output at one moment (IPv6 empty when ip6tables is absent).</summary>
public sealed record FirewallSnapshot(string V4, string V6)
{
    public string For(IpFamily family) => family == IpFamily.V4 ? V4 : V6;

    /// <summary>The owned part of the snapshot: what applying it back restores.</summary>
    public GeneratedRules Owned() => new(SaveText.ReadOwned(V4, IpFamily.V4), SaveText.ReadOwned(V6, IpFamily.V6));
}
