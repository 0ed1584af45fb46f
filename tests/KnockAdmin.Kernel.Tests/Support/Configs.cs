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

    public static KnockProfile Profile(string name, int protectedPort, params PortSpec[] steps) => new()
    {
        Name = name,
        Steps = steps,
        ProtectedPorts = [PortSpec.Tcp(protectedPort)],
    };
}
