using KnockAdmin.Core.Model;
using KnockAdmin.Core.Proposals;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Tests.Proposals;

public class KnockSequenceProposalTests
{
    private static readonly FirewallConfig Busy = FirewallConfig.Tutorial with
    {
        Settings = FirewallConfig.Tutorial.Settings with { PublicPorts = [PortSpec.Tcp(10000), PortSpec.Udp(10001)] },
    };

    [Fact]
    public void A_proposed_profile_has_no_error_nor_warning_and_uses_no_port_of_the_configuration()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            // A range squeezed to a few ports, so collisions with the taken ones are certain to be tried.
            var steps = KnockSequenceProposal.Propose(Busy, 3, (min, _) => random.Next(min, min + 6));
            var profile = new KnockProfile { Name = KnockSequenceProposal.ProposeName(Busy), Steps = steps, ProtectedPorts = [PortSpec.Tcp(22)] };

            var result = ConfigValidator.Validate(Busy with { Profiles = [.. Busy.Profiles, profile] });

            Assert.True(result.IsValid);
            Assert.DoesNotContain(result.Issues, issue => issue.Field.StartsWith("profiles[1]", StringComparison.Ordinal));
            Assert.Empty(steps.Select(s => s.Port).Intersect([10000, 10001, 1111, 2222, 3333, 22]));
            Assert.Equal(3, steps.Select(s => s.Port).Distinct().Count());
        }
    }

    [Fact]
    public void A_profile_being_edited_may_keep_its_own_ports_but_not_another_one_s()
    {
        var drawn = new Queue<int>([2222, 1111, 3333, 22, 4000, 3000, 5000]);

        var steps = KnockSequenceProposal.Propose(FirewallConfig.Tutorial, 3, (_, _) => drawn.Dequeue(), except: 0);

        Assert.Equal([2222, 1111, 3333], steps.Select(s => s.Port));
        Assert.Equal([4000, 3000, 5000], KnockSequenceProposal.Propose(FirewallConfig.Tutorial, 3, (_, _) => drawn.Dequeue()).Select(s => s.Port));
    }

    [Fact]
    public void Names_are_free_and_fit_a_chain_name()
    {
        var config = FirewallConfig.Tutorial with { Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Name = "knock" }] };

        Assert.Equal("knock2", KnockSequenceProposal.ProposeName(config));
        Assert.Equal("ssh_copy", KnockSequenceProposal.ProposeName(FirewallConfig.Tutorial, "ssh_copy"));
        Assert.True(KnockSequenceProposal.ProposeName(config, "a_very_long_profile_name_copy").Length <= Core.Rules.OwnedNames.MaxProfileNameLength);
    }

    [Fact]
    public void Mixing_a_rising_sequence_keeps_its_steps_and_never_leaves_them_rising_or_falling()
    {
        IReadOnlyList<PortSpec> rising = [PortSpec.Tcp(1111), PortSpec.Udp(2222), PortSpec.Tcp(3333)];
        Assert.True(KnockSequenceProposal.CanMix(rising));

        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var mixed = KnockSequenceProposal.Mix(rising, random.Next);

            Assert.Equal(rising.OrderBy(s => s.Port), mixed.OrderBy(s => s.Port));
            Assert.False(KnockSequenceProposal.CanMix(mixed));
            var result = ConfigValidator.Validate(FirewallConfig.Tutorial with
            {
                Profiles = [FirewallConfig.Tutorial.Profiles[0] with { Steps = mixed }],
            });
            Assert.DoesNotContain(result.Warnings, issue => issue.Message.Contains("Mix the order", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Two_steps_or_a_mixed_order_offer_no_mixing()
    {
        Assert.False(KnockSequenceProposal.CanMix([PortSpec.Tcp(1111), PortSpec.Tcp(2222)]));
        Assert.False(KnockSequenceProposal.CanMix([PortSpec.Tcp(2222), PortSpec.Tcp(1111), PortSpec.Tcp(3333)]));
        Assert.True(KnockSequenceProposal.CanMix([PortSpec.Tcp(3333), PortSpec.Tcp(2222), PortSpec.Tcp(1111)]));
    }

    [Fact]
    public void A_proposal_stays_out_of_rotating_ranges_even_when_they_cover_the_usual_ports()
    {
        var rotating = new KnockProfile { Name = "rot", Steps = [], ProtectedPorts = [PortSpec.Tcp(2200)], Mode = ProfileMode.Rotating };
        var config = FirewallConfig.Tutorial with { Profiles = [.. FirewallConfig.Tutorial.Profiles, rotating] };
        var random = new Random(3);

        for (var i = 0; i < 200; i++)
        {
            var steps = KnockSequenceProposal.Propose(config, 4, random.Next);
            var profile = new KnockProfile { Name = "new", Steps = steps, ProtectedPorts = [PortSpec.Tcp(2201)] };

            Assert.All(steps, step => Assert.False(rotating.Rotation.Contains(step.Port), $"{step} lies in the rotating range."));
            Assert.True(ConfigValidator.Validate(config with { Profiles = [.. config.Profiles, profile] }).IsValid);
        }
    }
}
