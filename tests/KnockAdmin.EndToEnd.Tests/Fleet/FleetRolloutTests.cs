using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Fleet;

/// <summary>
/// The Ansible project of <c>KnockAdmin fleet export</c>, run by ansible-playbook from a control namespace over real
/// SSH against three host namespaces, each with its own sshd, database and firewall: the rollout applies and is
/// confirmed only where the control node reaches the host again after knocking; a host that cuts itself off is left
/// to its own watchdog, which puts its previous rules back; a second run changes nothing.
/// </summary>
public sealed class FleetRolloutTests
{
    private const int ConfirmWithinSeconds = 60;
    private const int ReachTimeoutSeconds = 8;
    private static readonly int[] SshKnock = [7101, 7102, 7103];

    /// <summary>What the hosts run before the rollout: SSH open to all, and a door for tcp/8080.</summary>
    private static readonly FirewallConfig Before = new(new HostSettings { PublicPorts = [PortSpec.Tcp(22)] }, [Configs.Profile("web", 8080, PortSpec.Tcp(7201), PortSpec.Tcp(7202))]);

    /// <summary>What the panel rolls out: SSH behind a knock, and the web door.</summary>
    private static readonly FirewallConfig Rollout = new(new HostSettings(),
    [
        Configs.Profile("ssh", 22, [.. SshKnock.Select(PortSpec.Tcp)]) with { StepTimeoutSeconds = 10, OpenWindowSeconds = 20 },
        Configs.Profile("web", 8080, PortSpec.Tcp(7201), PortSpec.Tcp(7202)),
    ]);

    [Fact]
    public async Task A_rollout_is_confirmed_where_the_host_is_reached_again_reverted_where_it_is_not_and_changes_nothing_when_run_again()
    {
        await using var fleet = await FleetNetwork.CreateAsync(hostCount: 3);
        var (host1, host2, host3) = (fleet.Hosts[0], fleet.Hosts[1], fleet.Hosts[2]);
        var before = new Dictionary<string, string>();
        foreach (var host in fleet.Hosts)
        {
            await host.Database.StoreAsync(Before);
            (await host.RunAsync("apply", "--confirm-within", "0")).EnsureSuccess($"the first apply on {host.Name}");
            before[host.Name] = await host.LiveAsync();
            Assert.True(await fleet.KnockerConnectsAsync(host, 22), $"{host.Name}: SSH is open to all before the rollout");
        }

        var project = await ExportProjectAsync(fleet);

        // Host 3 is the one that cuts itself off: its SSH port gets protected, but the role is told not to knock there.
        var cut = await fleet.PlaybookAsync(project, fleet.Inventory(ConfirmWithinSeconds, ReachTimeoutSeconds, host => host.Name switch
        {
            "host2" => new JsonObject { ["knockadmin_profiles"] = new JsonArray("ssh"), ["knockadmin_trusted_sources"] = new JsonArray("192.0.2.0/24") },
            "host3" => new JsonObject { ["knockadmin_knock"] = false },
            _ => [],
        }), Extra(fleet, "cut"));

        Assert.True(cut.ExitCode == 2, $"one host failed, so ansible-playbook says so:\n{cut.StandardOutput}\n{cut.StandardError}");
        var cutSummary = Hosts(fleet, "cut");
        Assert.Equal(("confirmed", "2"), Outcome(cutSummary, "host1"));
        Assert.Equal(("confirmed", "2"), Outcome(cutSummary, "host2"));
        Assert.Equal(("not-confirmed", "2"), Outcome(cutSummary, "host3"));
        Assert.Contains("watchdog restores the previous rules", cutSummary["host3"]!["consequence"]!.GetValue<string>());
        Assert.Equal("confirmed", cutSummary["host1"]!["status"]!["activeRevision"]!["state"]!.GetValue<string>());

        // Host 3's own watchdog puts its previous rules back at the end of its window; the others keep the new ones.
        await Poll.UntilAsync(() => host3.Database.RevisionStateAsync(2), state => state == RevisionState.RevertedAutomatically,
            TimeSpan.FromSeconds(ConfirmWithinSeconds + 20), "host3's unconfirmed revision to be reverted by its watchdog");
        Assert.Equal(before["host3"], await host3.LiveAsync());
        Assert.True(await fleet.KnockerConnectsAsync(host3, 22), "host3: SSH is open without a knock again, as before the rollout");
        foreach (var host in new[] { host1, host2 })
        {
            Assert.Equal(RevisionState.Confirmed, await host.Database.RevisionStateAsync(2));
            await AssertDoorOpensOnlyAfterTheKnockAsync(fleet, host);
        }

        // The per-host variables: host 2 runs only the ssh profile and trusts its own sources.
        Assert.Contains(":KA-web-", await host1.LiveAsync());
        Assert.DoesNotContain(":KA-web-", await host2.LiveAsync());
        Assert.Contains("-s 192.0.2.0/24", await host2.LiveAsync());
        Assert.DoesNotContain("192.0.2.0/24", await host1.LiveAsync());

        // Each host's audit log names the control node's user, for the import, the apply and the confirmation.
        var author = $"ansible:{FleetNetwork.ControlUser}";
        var host1Actions = await host1.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Actor == author).Select(a => a.Action).ToListAsync());
        Assert.Contains("apply", host1Actions);
        Assert.Contains("confirm", host1Actions);
        Assert.Equal(author, await host1.Database.QueryAsync(db => db.Revisions.Where(r => r.Id == 2).Select(r => r.Author).SingleAsync()));

        // Run again with the knock on host 3 too: only host 3 changes.
        var fixedRun = await fleet.PlaybookAsync(project, fleet.Inventory(ConfirmWithinSeconds, ReachTimeoutSeconds, host => host.Name == "host2"
            ? new JsonObject { ["knockadmin_profiles"] = new JsonArray("ssh"), ["knockadmin_trusted_sources"] = new JsonArray("192.0.2.0/24") }
            : []), Extra(fleet, "fixed"));
        Assert.True(fixedRun.ExitCode == 0, $"{fixedRun.StandardOutput}\n{fixedRun.StandardError}");
        var fixedSummary = Hosts(fleet, "fixed");
        Assert.Equal(("unchanged", "2"), Outcome(fixedSummary, "host1"));
        Assert.Equal(("unchanged", "2"), Outcome(fixedSummary, "host2"));
        Assert.Equal(("confirmed", "3"), Outcome(fixedSummary, "host3"));
        Assert.Equal(RevisionState.Confirmed, await host3.Database.RevisionStateAsync(3));
        await AssertDoorOpensOnlyAfterTheKnockAsync(fleet, host3);

        // The same run once more changes nothing anywhere: no task reports a change, no host gains a revision.
        var revisionsBefore = await RevisionCountsAsync(fleet);
        var again = await fleet.PlaybookAsync(project, fleet.Inventory(ConfirmWithinSeconds, ReachTimeoutSeconds, host => host.Name == "host2"
            ? new JsonObject { ["knockadmin_profiles"] = new JsonArray("ssh"), ["knockadmin_trusted_sources"] = new JsonArray("192.0.2.0/24") }
            : []), Extra(fleet, "again"));
        Assert.True(again.ExitCode == 0, $"{again.StandardOutput}\n{again.StandardError}");
        foreach (var host in fleet.Hosts)
        {
            Assert.Matches($@"(?m)^{host.Name}\s+: ok=\d+\s+changed=0\s+unreachable=0\s+failed=0", again.StandardOutput);
            Assert.Equal("unchanged", Hosts(fleet, "again")[host.Name]!["outcome"]!.GetValue<string>());
        }

        Assert.Equal(revisionsBefore, await RevisionCountsAsync(fleet));
    }

    [Fact]
    public async Task A_host_with_an_unknown_profile_or_without_KnockAdmin_fails_with_the_reason_and_nothing_changes_there()
    {
        await using var fleet = await FleetNetwork.CreateAsync(hostCount: 2);
        foreach (var host in fleet.Hosts)
        {
            await host.Database.StoreAsync(Before);
        }

        var project = await ExportProjectAsync(fleet);
        var missing = Path.Combine(fleet.Directory, "not-installed", "KnockAdmin");
        var run = await fleet.PlaybookAsync(project, fleet.Inventory(ConfirmWithinSeconds, ReachTimeoutSeconds, host => host.Name == "host1"
            ? new JsonObject { ["knockadmin_profiles"] = new JsonArray("ssh", "mail") }
            : new JsonObject { ["knockadmin_binary"] = missing }), Extra(fleet, "refused"));

        Assert.True(run.ExitCode == 2, $"{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("knockadmin_profiles names mail, which the document does not have (it has ssh, web)", run.StandardOutput);
        Assert.Contains($"{missing} does not exist on host2; set knockadmin_archive", run.StandardOutput);
        var summary = Hosts(fleet, "refused");
        Assert.Equal("failed", summary["host1"]!["outcome"]!.GetValue<string>());
        Assert.Equal("failed", summary["host2"]!["outcome"]!.GetValue<string>());
        foreach (var host in fleet.Hosts)
        {
            Assert.Equal(0, await host.Database.QueryAsync(db => db.Revisions.CountAsync()));
            Assert.Equal(Before.Profiles.Select(p => p.Name), (await host.Database.LoadAsync()).Profiles.Select(p => p.Name));
            Assert.False(File.Exists(host.DocumentPath), $"{host.Name}: no document was copied");
        }
    }

    private static async Task<string> ExportProjectAsync(FleetNetwork fleet)
    {
        // The panel's own database holds the configuration to roll out; its fleet export is the project.
        using var panel = new TestDatabase();
        await panel.StoreAsync(Rollout);
        var project = Path.Combine(fleet.Directory, "project");
        (await Executable.RunAsync(panel, fleet.Control, ["fleet", "export", "--out", project])).EnsureSuccess("fleet export");
        return project;
    }

    private static JsonObject Extra(FleetNetwork fleet, string run) => new()
    {
        ["knockadmin_serial"] = 3,
        ["knockadmin_max_fail_percentage"] = 50,
        ["knockadmin_summary"] = Path.Combine(fleet.Directory, $"summary-{run}.json"),
    };

    private static JsonObject Hosts(FleetNetwork fleet, string run) =>
        FleetNetwork.ReadJson(Path.Combine(fleet.Directory, $"summary-{run}.json"))["hosts"]!.AsObject();

    private static (string Outcome, string Revision) Outcome(JsonObject hosts, string name) =>
        (hosts[name]!["outcome"]!.GetValue<string>(), hosts[name]!["revision"]!.ToString());

    private static async Task AssertDoorOpensOnlyAfterTheKnockAsync(FleetNetwork fleet, FleetHost host)
    {
        Assert.False(await fleet.KnockerConnectsAsync(host, 22), $"{host.Name}: SSH is closed to an address that did not knock");
        await fleet.KnockFromKnockerAsync(host, SshKnock);
        Assert.True(await fleet.KnockerConnectsAsync(host, 22), $"{host.Name}: SSH opens after the knock");
    }

    private static async Task<IReadOnlyList<int>> RevisionCountsAsync(FleetNetwork fleet)
    {
        var counts = new List<int>();
        foreach (var host in fleet.Hosts)
        {
            counts.Add(await host.Database.QueryAsync(db => db.Revisions.CountAsync()));
        }

        return counts;
    }
}
