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

    /// <summary>The rules of a configuration without rotating profiles (a rotating profile gets no rules here).</summary>
    public static GeneratedRules Generate(FirewallConfig config) => Generate(config, RotationContext.None);

    /// <summary>The rules of <paramref name="config"/> with the sequences of rotating profiles due at <paramref name="rotation"/>'s moment.</summary>
    public static GeneratedRules Generate(FirewallConfig config, RotationContext rotation)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var v4 = Build(config, rotation, IpFamily.V4);
        var v6 = config.Settings.Ipv6 ? Build(config, rotation, IpFamily.V6) : OwnedRuleset.Empty(IpFamily.V6);
        return new GeneratedRules(v4, v6);
    }

    /// <summary>The chains of one enabled profile; none for a rotating profile without a secret.</summary>
    public static IReadOnlyList<OwnedChain> ProfileChainsOf(KnockProfile profile, GeneratorOptions options, RotationContext rotation, IpFamily family)
    {
        if (!profile.IsRotating)
        {
            return new ProfileChains(profile, options, family).Chains().ToList();
        }

        var secret = rotation.SecretOf(profile.Name);
        if (secret is null)
        {
            return [];
        }

        var period = Sequences.RotatingSequence.PeriodAt(rotation.UnixSeconds, profile.Rotation.PeriodSeconds);
        return new RotatingProfileChains(profile, options, family, period, secret).Chains().ToList();
    }

    private static OwnedRuleset Build(FirewallConfig config, RotationContext rotation, IpFamily family)
    {
        var settings = config.Settings;
        var enabled = config.Profiles.Where(profile => profile.Enabled).ToList();
        var generated = enabled.Select(profile => (Profile: profile, Chains: ProfileChainsOf(profile, settings.Options, rotation, family)))
            .Where(entry => entry.Chains.Count > 0)
            .ToList();
        var chains = new List<OwnedChain>
        {
            new(OwnedNames.InputChain, InputRules(settings, enabled, generated.Select(entry => entry.Profile).ToList(), family)),
            new(OwnedNames.RefuseChain, RefuseRules(settings.Options, family)),
        };
        chains.AddRange(generated.SelectMany(entry => entry.Chains));
        return new OwnedRuleset(family, chains, InputJumps: 1);
    }

    /// <param name="enabled">Every enabled profile: one is enough to keep the final refuse rule.</param>
    /// <param name="generated">The enabled profiles that have rules (a rotating profile without a secret has none).</param>
    private static List<string> InputRules(HostSettings settings, List<KnockProfile> enabled, List<KnockProfile> generated, IpFamily family)
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

        foreach (var profile in generated)
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
