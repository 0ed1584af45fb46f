using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

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

    /// <summary>The tutorial's door next to a rotating one, at a fixed moment: 2023-11-14 22:13:20 UTC, period 28333333.</summary>
    public static FirewallConfig WithRotating { get; } = FirewallConfig.Tutorial with
    {
        Profiles =
        [
            FirewallConfig.Tutorial.Profiles[0],
            new KnockProfile
            {
                Name = "rot",
                Steps = [],
                ProtectedPorts = [PortSpec.Tcp(2200)],
                Mode = ProfileMode.Rotating,
                Rotation = new Rotation { PeriodSeconds = 60, Length = 4, PortRangeStart = 10000, PortRangeEnd = 65000 },
            },
        ],
    };

    /// <summary>The secret of the first test vector of docs/rotating-sequences.md, so the golden ports can be checked there.</summary>
    public static RotationContext RotationAt(long unixSeconds) =>
        new(unixSeconds, new Dictionary<string, byte[]> { ["rot"] = [.. Enumerable.Range(0, 32).Select(i => (byte)i)] });
}
