using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Revisions;
using KnockAdmin.Kernel.Tests.Support;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Kernel.Tests.Properties;

/// <summary>
/// Random configurations against the real kernel: whatever the validator accepts, iptables-restore accepts too;
/// whatever it rejects never reaches the firewall.
/// </summary>
public class GeneratedRulesPropertyTests
{
    private static readonly IReadOnlyList<FirewallConfig> Sample = ConfigGenerators.Sample(120, seed: 20261127);

    [Fact]
    public async Task Every_accepted_configuration_passes_iptables_restore_test()
    {
        var accepted = Sample.Where(config => ConfigValidator.Validate(config).IsValid).ToList();
        Assert.True(accepted.Count >= 20, $"only {accepted.Count} accepted configurations in the sample");
        await using var pair = await NamespacePair.CreateAsync();

        var refused = new List<string>();
        foreach (var config in accepted)
        {
            var rules = RuleGenerator.Generate(config);
            foreach (var (family, tool) in new[] { (IpFamily.V4, "iptables-restore"), (IpFamily.V6, "ip6tables-restore") })
            {
                var script = RestoreScript.Build(rules.For(family), OwnedRuleset.Empty(family));
                var result = await pair.InServerWithInputAsync(script, tool, "--test", "--noflush");
                if (!result.Succeeded)
                {
                    refused.Add($"{tool}: {result.StandardError.Trim()}\n{script}");
                }
            }
        }

        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_rejected_configuration_never_reaches_the_firewall_even_from_a_tampered_revision()
    {
        var rejected = Sample.Where(config => !ConfigValidator.Validate(config).IsValid).Take(15).ToList();
        Assert.NotEmpty(rejected);
        await using var host = await RevisionHost.StartAsync(Configs.Tutorial());
        await host.ApplyAsync(confirmWithinSeconds: 0);
        var before = await host.LiveAsync();

        foreach (var config in rejected)
        {
            // As if the database had been edited behind KnockAdmin's back: the engine validates again before applying.
            var tampered = await host.InScopeAsync<KnockAdminDbContext, int>(async db =>
            {
                var revision = new RevisionEntity
                {
                    Author = "tampered", CreatedAt = host.Time.GetUtcNow(), ConfigJson = FirewallConfigJson.Serialize(config),
                    State = RevisionState.Superseded,
                };
                db.Revisions.Add(revision);
                await db.SaveChangesAsync();
                return revision.Id;
            });

            await Assert.ThrowsAsync<InvalidInputException>(() =>
                host.InScopeAsync<RevisionService, AppliedRevision>(service => service.RollbackAsync(new Actor("mallory"), tampered, 0)));
            Assert.Equal(before, await host.LiveAsync());
        }
    }
}
