using FsCheck;
using FsCheck.Fluent;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Tests.Shared;

/// <summary>
/// Random configurations for property tests: mostly plausible, with a steady share of hostile or broken values
/// (ports out of range, unknown protocols, names full of shell and iptables metacharacters, bad networks).
/// </summary>
public static class ConfigGenerators
{
    private static readonly string[] HostileNames =
    [
        "", "a;rm -rf /", "x\n-A INPUT -j ACCEPT", "$(reboot)", "`id`", "ssh ssh", "KA-INPUT", "a/b", "../../etc",
        "ñame", "x\"y", "x'y", "-j", "abcdefghijklmnopqrstuvwxyz", new string('a', 300), "tab\there", "nul\0byte",
    ];

    private static readonly string[] Interfaces = ["lo", "wg0", "tun+"];

    private static readonly string[] HostileInterfaces = ["eth0;reboot", "a b", "waytoolonginterfacename", "-j", "eth0\n"];

    private static readonly string[] Sources = ["10.0.0.0/8", "192.168.1.5", "fd00::/8", "2001:db8::7"];

    private static readonly string[] HostileSources = ["10.0.0.1/24", "garbage", "10.0.0.0/33", "1.2.3.4/32 -j ACCEPT", "fe80::1%eth0"];

    public static Gen<int> Port { get; } = Gen.Frequency(
        (40, Gen.Choose(1, 65535)),
        (1, Gen.Elements(0, -1, 65536, 70000, int.MaxValue, int.MinValue)));

    public static Gen<string> Protocol { get; } = Gen.Frequency(
        (40, Gen.Elements(Protocols.Tcp, Protocols.Udp)),
        (1, Gen.Elements("icmp", "TCP", "", "tcp;", "udp\n", "sctp", "-p tcp")));

    public static Gen<PortSpec> PortSpecs { get; } = Port.Zip(Protocol, (port, protocol) => new PortSpec(port, protocol));

    public static Gen<string> Name { get; } = Gen.Frequency(
        (40, Gen.Choose(1, 20).SelectMany(length =>
            Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".ToCharArray()), length))
            .Select(chars => new string(chars))),
        (1, Gen.Elements(HostileNames)));

    public static Gen<KnockProfile> Profile { get; } =
        from name in Name
        from steps in Gen.Frequency((40, Gen.Choose(1, 6)), (1, Gen.Elements(0, 17))).SelectMany(count => Gen.ListOf(PortSpecs, count))
        from protectedPorts in Gen.Frequency((40, Gen.Choose(1, 2)), (1, Gen.Constant(0))).SelectMany(count => Gen.ListOf(PortSpecs, count))
        from stepTimeout in Gen.Frequency((40, Gen.Choose(1, 300)), (1, Gen.Elements(0, -5, 100_000)))
        from window in Gen.Frequency((40, Gen.Choose(1, 3600)), (1, Gen.Elements(0, 5000)))
        from enabled in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new KnockProfile
        {
            Name = name,
            Steps = steps,
            ProtectedPorts = protectedPorts,
            StepTimeoutSeconds = stepTimeout,
            OpenWindowSeconds = window,
            Enabled = enabled,
        };

    public static Gen<GeneratorOptions> Options { get; } =
        from tolerate in Gen.Elements(true, false)
        from synOnly in Gen.Elements(true, false)
        from closed in Gen.Elements(true, false)
        from log in Gen.Elements(true, false)
        from shards in Gen.Frequency((20, Gen.Elements(1, 2, 4, 8, 16, 32, 64)), (1, Gen.Elements(0, 3, 12, 128, -16)))
        select new GeneratorOptions { TolerateRepeatedStep = tolerate, SynOnly = synOnly, AnswerAsClosedPort = closed, LogKnocks = log, FirstKnockShards = shards };

    public static Gen<HostSettings> Settings { get; } =
        from publicPorts in Gen.Choose(0, 2).SelectMany(count => Gen.ListOf(PortSpecs, count))
        from interfaces in Gen.Frequency((8, Gen.SubListOf(Interfaces)), (1, Gen.SubListOf(Interfaces.Concat(HostileInterfaces))))
        from sources in Gen.Frequency((8, Gen.SubListOf(Sources)), (1, Gen.SubListOf(Sources.Concat(HostileSources))))
        from established in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from ipv6 in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from options in Options
        select new HostSettings
        {
            PublicPorts = publicPorts,
            TrustedInterfaces = interfaces,
            TrustedSources = sources,
            AcceptEstablished = established,
            Ipv6 = ipv6,
            Options = options,
        };

    public static Gen<FirewallConfig> Config { get; } =
        from settings in Settings
        from profiles in Gen.Choose(0, 3).SelectMany(count => Gen.ListOf(Profile, count))
        select new FirewallConfig(settings, profiles);

    /// <summary>A repeatable sample (fixed seed, generator size 10), for tests that run each case against the kernel.</summary>
    public static IReadOnlyList<FirewallConfig> Sample(int count, int seed) =>
        Config.Sample(count, new Rnd((ulong)seed), 10).ToList();
}
