namespace KnockAdmin.Core.Model;

/// <summary>Everything the rule generator needs: the host settings and every profile.</summary>
public sealed record FirewallConfig(HostSettings Settings, IReadOnlyList<KnockProfile> Profiles)
{
    /// <summary>The tutorial's configuration: 1111, 2222, 3333 opens tcp/22; tcp/80 public; 10 s steps, 30 s window.</summary>
    public static FirewallConfig Tutorial { get; } = new(
        new HostSettings { PublicPorts = [PortSpec.Tcp(80)] },
        [
            new KnockProfile
            {
                Name = "ssh",
                Steps = [PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Tcp(3333)],
                ProtectedPorts = [PortSpec.Tcp(22)],
                StepTimeoutSeconds = 10,
                OpenWindowSeconds = 30,
            },
        ]);
}
