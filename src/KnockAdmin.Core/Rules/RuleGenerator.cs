using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>
/// Turns a configuration into the iptables and ip6tables rules that implement it. Pure and deterministic: the same
/// configuration gives the same rules, byte for byte. Rules are written exactly as iptables-save prints them, so
/// what is live can be compared with what is wanted without any translation.
/// </summary>
/// <remarks>
/// Packet path: INPUT jumps once to KA-INPUT, which accepts established traffic, trusted interfaces and sources,
/// IPv6 neighbour discovery and public ports, then hands the packet to every enabled profile in turn and refuses
/// whatever none of them accepted. A profile moves the packet's source address along its recent lists; a knock is
/// refused once recorded, any other packet returns to KA-INPUT for the next profile. See <see cref="ProfileChains"/>.
/// The configuration is expected to be valid (see the validator); the generator does not second-guess it.
/// </remarks>
public static class RuleGenerator
{
    /// <summary>ICMPv6 router solicitation/advertisement and neighbour solicitation/advertisement (RFC 4861).</summary>
    private static readonly int[] NeighbourDiscoveryTypes = [133, 134, 135, 136];

    public static GeneratedRules Generate(FirewallConfig config)
    {
        var v4 = Build(config, IpFamily.V4);
        var v6 = config.Settings.Ipv6 ? Build(config, IpFamily.V6) : OwnedRuleset.Empty(IpFamily.V6);
        return new GeneratedRules(v4, v6);
    }

    private static OwnedRuleset Build(FirewallConfig config, IpFamily family)
    {
        var settings = config.Settings;
        var enabled = config.Profiles.Where(profile => profile.Enabled).ToList();
        var chains = new List<OwnedChain>
        {
            new(OwnedNames.InputChain, InputRules(settings, enabled, family)),
            new(OwnedNames.RefuseChain, RefuseRules(settings.Options, family)),
        };
        foreach (var profile in enabled)
        {
            chains.AddRange(new ProfileChains(profile, settings.Options, family).Chains());
        }

        return new OwnedRuleset(family, chains, InputJumps: 1);
    }

    private static List<string> InputRules(HostSettings settings, List<KnockProfile> enabled, IpFamily family)
    {
        var rules = new List<string>();
        void Add(string rule) => rules.Add($"-A {OwnedNames.InputChain} {rule}");

        if (settings.AcceptEstablished)
        {
            Add("-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        }

        if (family == IpFamily.V6)
        {
            // Without neighbour discovery the host drops off the IPv6 network entirely.
            foreach (var type in NeighbourDiscoveryTypes)
            {
                Add($"-p ipv6-icmp -m icmp6 --icmpv6-type {type} -j ACCEPT");
            }
        }

        foreach (var trustedInterface in settings.TrustedInterfaces)
        {
            Add($"-i {trustedInterface} -j ACCEPT");
        }

        foreach (var source in settings.TrustedSources)
        {
            if (SourceNetwork.TryParse(source, out var network) && network.Family == family)
            {
                Add($"-s {network.Text} -j ACCEPT");
            }
        }

        foreach (var port in settings.PublicPorts)
        {
            Add($"{PortMatch.For(port)} -j ACCEPT");
        }

        if (enabled.Count == 0)
        {
            // Nothing is protected: let INPUT's own rules and policy decide, as if KnockAdmin were not there.
            return rules;
        }

        if (settings.Options.SynOnly)
        {
            // Stray ACKs, RSTs and FINs neither count as knocks nor reset anyone's progress.
            Add($"-p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j {OwnedNames.RefuseChain}");
        }

        foreach (var profile in enabled)
        {
            Add($"-j {OwnedNames.DispatchChain(profile.Name)}");
        }

        Add($"-j {OwnedNames.RefuseChain}");
        return rules;
    }

    private static List<string> RefuseRules(GeneratorOptions options, IpFamily family)
    {
        var chain = OwnedNames.RefuseChain;
        if (!options.AnswerAsClosedPort)
        {
            return [$"-A {chain} -j DROP"];
        }

        var unreachable = family == IpFamily.V4 ? "icmp-port-unreachable" : "icmp6-port-unreachable";
        return
        [
            $"-A {chain} -p tcp -j REJECT --reject-with tcp-reset",
            $"-A {chain} -p udp -j REJECT --reject-with {unreachable}",
            $"-A {chain} -j DROP",
        ];
    }
}
