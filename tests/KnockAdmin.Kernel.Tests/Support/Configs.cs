using KnockAdmin.Core.Model;

namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>Configurations used by the kernel tests: the tutorial's door, with knobs for timing and options.</summary>
public static class Configs
{
    public static FirewallConfig Tutorial(
        int stepTimeoutSeconds = 10, int openWindowSeconds = 30, GeneratorOptions? options = null, HostSettings? settings = null)
    {
        var tutorial = FirewallConfig.Tutorial;
        var host = (settings ?? tutorial.Settings) with { Options = options ?? new GeneratorOptions() };
        var profile = tutorial.Profiles[0] with { StepTimeoutSeconds = stepTimeoutSeconds, OpenWindowSeconds = openWindowSeconds };
        return new FirewallConfig(host, [profile]);
    }

    /// <summary>The tutorial's door (1111, 2222, 3333 → tcp/22) and a second one (4444, 5555, 6666 → tcp/8022).</summary>
    public static FirewallConfig TwoDoors(GeneratorOptions? options = null) => Tutorial(options: options) with
    {
        Profiles =
        [
            Profile("ssh", 22, PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Tcp(3333)),
            Profile("admin", 8022, PortSpec.Tcp(4444), PortSpec.Tcp(5555), PortSpec.Tcp(6666)),
        ],
    };

    /// <summary>The tutorial's door with a UDP middle step: 1111/tcp, 2222/udp, 3333/tcp → tcp/22.</summary>
    public static KnockProfile Mixed { get; } = Profile("mixed", 22, PortSpec.Tcp(1111), PortSpec.Udp(2222), PortSpec.Tcp(3333));

    public static KnockProfile Profile(string name, int protectedPort, params PortSpec[] steps) => new()
    {
        Name = name,
        Steps = steps,
        ProtectedPorts = [PortSpec.Tcp(protectedPort)],
    };
}
