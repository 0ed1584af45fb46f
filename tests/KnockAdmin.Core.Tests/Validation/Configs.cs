using KnockAdmin.Core.Model;
using static KnockAdmin.Core.Model.PortSpec;

namespace KnockAdmin.Core.Tests.Validation;

/// <summary>Configurations without any issue, to change one thing at a time.</summary>
internal static class Configs
{
    /// <summary>Mixed order, unprivileged ports, three steps: no warning.</summary>
    public static KnockProfile Ssh { get; } = new()
    {
        Name = "ssh",
        Steps = [Tcp(7000), Udp(4000), Tcp(9000)],
        ProtectedPorts = [Tcp(22)],
    };

    public static KnockProfile Web { get; } = new()
    {
        Name = "web",
        Steps = [Tcp(5100), Tcp(5000), Udp(5200)],
        ProtectedPorts = [Tcp(8443)],
    };

    public static HostSettings Settings { get; } = new() { PublicPorts = [Tcp(80), Tcp(8080)] };

    public static FirewallConfig With(params KnockProfile[] profiles) => new(Settings, profiles);

    public static FirewallConfig With(HostSettings settings, params KnockProfile[] profiles) => new(settings, profiles);

    public static FirewallConfig WithSteps(params PortSpec[] steps) => With(Ssh with { Steps = steps });
}
