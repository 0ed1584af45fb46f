using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Configuration;

public class ConfigChangesTests
{
    private static readonly FirewallConfig Active = FirewallConfig.Tutorial;

    private static KnockProfile Ssh => Active.Profiles[0];

    private static FirewallConfig WithSsh(KnockProfile ssh) => Active with { Profiles = [ssh] };

    [Fact]
    public void The_same_configuration_has_no_changes()
    {
        Assert.Empty(ConfigChanges.Describe(Active, FirewallConfig.Tutorial with { }));
    }

    [Fact]
    public void Lists_that_are_equal_but_not_the_same_object_are_no_change()
    {
        var copy = new FirewallConfig(
            new HostSettings { PublicPorts = [PortSpec.Tcp(80)] },
            [Ssh with { Steps = [.. Ssh.Steps], ProtectedPorts = [.. Ssh.ProtectedPorts] }]);

        Assert.Empty(ConfigChanges.Describe(Active, copy));
    }

    [Fact]
    public void An_open_window_and_a_public_port_read_as_the_admin_would_say_them()
    {
        var stored = WithSsh(Ssh with { OpenWindowSeconds = 45 }) with
        {
            Settings = Active.Settings with { PublicPorts = [PortSpec.Tcp(80), PortSpec.Tcp(443)] },
        };

        Assert.Equal(["ssh: open window 30 → 45 s", "public ports + tcp/443"], ConfigChanges.Describe(Active, stored));
    }

    [Fact]
    public void Knocks_protected_ports_timeout_and_switches_are_each_named()
    {
        var stored = WithSsh(Ssh with
        {
            Steps = [PortSpec.Tcp(1111), PortSpec.Tcp(2222), PortSpec.Udp(4444)],
            ProtectedPorts = [PortSpec.Tcp(2022)],
            StepTimeoutSeconds = 5,
            Enabled = false,
        }) with
        {
            Settings = Active.Settings with { Ipv6 = false, Options = new GeneratorOptions { FirstKnockShards = 4, SynOnly = true } },
        };

        Assert.Equal(
            [
                "ssh: knocks tcp/1111, tcp/2222, tcp/3333 → tcp/1111, tcp/2222, udp/4444",
                "ssh: protected ports + tcp/2022 − tcp/22",
                "ssh: step timeout 10 → 5 s",
                "ssh: disabled",
                "IPv6 on → off",
                "SYN only off → on",
                "first-knock lists 16 → 4",
            ],
            ConfigChanges.Describe(Active, stored));
    }

    [Fact]
    public void Profiles_added_and_removed_are_matched_by_name_in_any_order()
    {
        var web = new KnockProfile { Name = "web", Steps = [PortSpec.Udp(4000), PortSpec.Udp(5000)], ProtectedPorts = [PortSpec.Tcp(8443)] };
        var both = Active with { Profiles = [web, Ssh] };

        Assert.Equal(["web: new profile (udp/4000, udp/5000 → tcp/8443)"], ConfigChanges.Describe(Active, both));
        Assert.Equal(["web: profile removed"], ConfigChanges.Describe(both, Active));
        Assert.Empty(ConfigChanges.Describe(both, Active with { Profiles = [Ssh, web] }));
    }
}
