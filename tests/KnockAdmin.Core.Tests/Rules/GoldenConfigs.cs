using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Rules;

/// <summary>Configurations whose generated rules are pinned by golden files.</summary>
internal static class GoldenConfigs
{
    public static FirewallConfig TwoProfilesAllOptions { get; } = new(
        new HostSettings
        {
            PublicPorts = [PortSpec.Tcp(80), PortSpec.Udp(53)],
            TrustedInterfaces = ["lo", "wg0"],
            TrustedSources = ["192.168.7.0/24", "fd00:7::/64"],
            Options = new GeneratorOptions
            {
                TolerateRepeatedStep = true,
                SynOnly = true,
                AnswerAsClosedPort = true,
                LogKnocks = true,
            },
        },
        [
            FirewallConfig.Tutorial.Profiles[0],
            new KnockProfile
            {
                Name = "backup",
                Steps = [PortSpec.Udp(7001), PortSpec.Tcp(6002)],
                ProtectedPorts = [PortSpec.Tcp(873), PortSpec.Tcp(2222)],
                StepTimeoutSeconds = 5,
                OpenWindowSeconds = 20,
            },
            new KnockProfile
            {
                Name = "disabled",
                Steps = [PortSpec.Tcp(9999)],
                ProtectedPorts = [PortSpec.Tcp(23)],
                Enabled = false,
            },
        ]);
}
