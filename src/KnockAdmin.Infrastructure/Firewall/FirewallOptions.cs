namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>Where the firewall lives. Bound from the "Firewall" configuration section.</summary>
public sealed class FirewallOptions
{
    public const string Section = "Firewall";

    /// <summary>
    /// A named network namespace (as <c>ip netns</c> knows it) to manage instead of the process's own one;
    /// null or empty for the host itself.
    /// </summary>
    public string? NetworkNamespace { get; set; }
}
