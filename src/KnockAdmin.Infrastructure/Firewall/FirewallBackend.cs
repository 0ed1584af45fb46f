namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>What was found on this host: which tools, which variant (nf_tables or legacy), and whether we may apply.</summary>
public sealed record FirewallBackend(
    string? Variant,
    bool Ipv4Tools,
    bool Ipv6Tools,
    bool Privileged,
    IReadOnlyList<string> Problems)
{
    public bool CanApply => Ipv4Tools && Privileged;

    /// <summary>Why applying is refused, in words; null when it is possible.</summary>
    public string? RefusalReason => CanApply ? null : string.Join(" ", Problems);
}
