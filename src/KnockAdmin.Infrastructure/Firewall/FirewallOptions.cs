namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>Where the firewall commands run. Bound from the "Firewall" configuration section.</summary>
public sealed class FirewallOptions
{
    public const string Section = "Firewall";

    /// <summary>
    /// Run every firewall command and /proc access inside this named network namespace (<c>ip netns exec</c>)
    /// instead of the host's own. Empty means the host. This is how the tests run against a throwaway kernel.
    /// </summary>
    public string? NetworkNamespace { get; set; }
}
