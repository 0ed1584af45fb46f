using System.Text.RegularExpressions;
using KnockAdmin.Core.Rules;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Crash;

/// <summary>
/// A host with history, about to be interrupted: foreign rules in both families, revision 1 (the tutorial's door)
/// kept, and a different configuration (two doors) stored and waiting to be applied as revision 2.
/// </summary>
public sealed class CrashScenario : IAsyncDisposable
{
    /// <summary>Slow machines start processes slowly; nothing here waits this long when all is well.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private CrashScenario(Panel panel, string baseline)
    {
        Panel = panel;
        Baseline = baseline;
    }

    public Panel Panel { get; }

    public TestDatabase Database => Panel.Database;

    public NamespacePair Pair => Panel.Pair;

    /// <summary>Both live rulesets with revision 1 in force (packet counters left out, see <see cref="LiveAsync"/>).</summary>
    public string Baseline { get; }

    /// <summary>
    /// Both live rulesets as iptables-save prints them, byte for byte except the packet counters: the kernel's own
    /// IPv6 traffic (router solicitations after the link came up) counts on OUTPUT whatever the rules are.
    /// </summary>
    public async Task<string> LiveAsync() => WithoutCounters(await Panel.LiveAsync());

    public static async Task<CrashScenario> StartAsync(TestDatabase? database = null)
    {
        var panel = await Panel.CreateAsync(database: database);
        try
        {
            await ForeignRules.LoadAsync(panel.Pair);
            await History.KeepAsync(panel.Database, panel.Pair.Server, Configs.Tutorial());
            var baseline = WithoutCounters(await panel.LiveAsync());
            await panel.Database.StoreAsync(Configs.TwoDoors());
            return new CrashScenario(panel, baseline);
        }
        catch
        {
            await panel.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Lets recovery happen as it would on a host: the watchdog if one was started (it ends once the revision is
    /// settled), then the recover verb of the systemd timer for what nobody else takes care of. Returns what the
    /// verb printed, or null when it was not needed.
    /// </summary>
    public async Task<string?> SettleAsync()
    {
        await Poll.UntilAsync(
            async () => (Open: await OpenRevisionsAsync(), Watchdogs: Watchdogs.For(Database.Path).Count),
            seen => seen.Open == 0 || seen.Watchdogs == 0,
            Patience, "the watchdog to settle the revision");
        if (await OpenRevisionsAsync() == 0)
        {
            return null;
        }

        return (await Panel.RunAsync("recover")).EnsureSuccess("recover").StandardOutput;
    }

    public Task<int> OpenRevisionsAsync() =>
        Database.QueryAsync(db => db.Revisions.CountAsync(r => r.State == RevisionState.Applying || r.State == RevisionState.PendingConfirmation));

    /// <summary>
    /// Every way rules and history could disagree, in words; empty when the live rules are exactly the kept revision's,
    /// foreign rules are untouched, and the revision that was interrupted ended as <paramref name="expected"/>.
    /// </summary>
    public async Task<List<string>> DisagreementsAsync(Outcome expected, string? recoverOutput)
    {
        var problems = new List<string>();
        var live = await LiveAsync();
        var revisions = await Database.QueryAsync(db => db.Revisions.OrderBy(r => r.Id).ToListAsync());
        var reverts = await Database.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Revert).Select(a => a.Detail).ToListAsync());
        var states = string.Join(", ", revisions.Select(r => $"{r.Id}:{r.State}"));

        var open = revisions.Where(r => r.State is RevisionState.Applying or RevisionState.PendingConfirmation).ToList();
        if (open.Count > 0)
        {
            problems.Add($"revisions still open after recovery: {states}");
        }

        var kept = revisions.Where(r => r.State == RevisionState.Confirmed).ToList();
        if (kept.Count != 1)
        {
            problems.Add($"expected exactly one kept revision: {states}");
            return problems;
        }

        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            var liveText = await Pair.SaveAsync(ipv6: family == IpFamily.V6);
            var owned = SaveText.ReadOwned(liveText, family).ToSaveText();
            var wanted = RevisionRules.Of(kept[0]).For(family).ToSaveText();
            if (owned != wanted)
            {
                problems.Add($"the live {family} rules are not those of revision {kept[0].Id}, the kept one:\n--- kept\n{wanted}\n--- live\n{owned}");
            }
        }

        if (Foreign(live) != Foreign(Baseline))
        {
            problems.Add($"foreign rules changed:\n--- before\n{Foreign(Baseline)}\n--- now\n{Foreign(live)}");
        }

        if (kept[0].Id == 1 && live != Baseline)
        {
            problems.Add($"revision 1 is kept but the live rules are not byte-identical to it:\n--- before\n{Baseline}\n--- now\n{live}");
        }

        var interrupted = revisions.SingleOrDefault(r => r.Id == 2);
        var revertsOfIt = reverts.Count(detail => detail.StartsWith("Revision 2 ", StringComparison.Ordinal));
        var reverted = expected is Outcome.RevertedByTimer or Outcome.RevertedAsUnfinished or Outcome.RevertedAtDeadline;
        if (expected == Outcome.NoRevision && interrupted is not null)
        {
            problems.Add($"a revision was recorded although the apply was killed before recording anything: {states}");
        }

        if (expected == Outcome.Kept && interrupted?.State != RevisionState.Confirmed)
        {
            problems.Add($"revision 2 was recorded as kept before the kill and should stay: {states}");
        }

        if (reverted && interrupted?.State != RevisionState.RevertedAutomatically)
        {
            problems.Add($"revision 2 should have been reverted ({expected}): {states}");
        }

        if (expected == Outcome.RevertedByTimer && recoverOutput?.Contains("Revision 2 (by ") != true)
        {
            problems.Add($"only the recover verb could revert revision 2, but it did not say so: {recoverOutput ?? "(not run)"}");
        }

        if (expected is Outcome.RevertedAsUnfinished or Outcome.RevertedAtDeadline && recoverOutput is not null)
        {
            problems.Add($"the watchdog should have settled revision 2 on its own; the recover verb had to: {recoverOutput}");
        }

        if (expected == Outcome.RevertedAtDeadline && interrupted?.Error is not null)
        {
            problems.Add($"revision 2 was recorded as waiting, so it was reverted for its deadline, not as unfinished: {interrupted.Error}");
        }

        if (expected is Outcome.RevertedAsUnfinished or Outcome.RevertedByTimer && interrupted?.Error?.StartsWith("Never finished", StringComparison.Ordinal) != true)
        {
            problems.Add($"revision 2 should say it never finished being applied: {interrupted?.Error}");
        }

        if (expected == Outcome.Any && interrupted is { State: not (RevisionState.RevertedAutomatically or RevisionState.Confirmed) })
        {
            problems.Add($"revision 2 ended neither reverted nor kept: {states}");
        }

        if (interrupted?.State == RevisionState.RevertedAutomatically && revertsOfIt != 1)
        {
            problems.Add($"the audit log should hold exactly one revert of revision 2, it holds {revertsOfIt}: {string.Join(" | ", reverts)}");
        }

        return problems;
    }

    public ValueTask DisposeAsync() => Panel.DisposeAsync();

    private static string WithoutCounters(string rules) => Regex.Replace(rules, @"\[\d+:\d+\]", "[0:0]");

    /// <summary>The rules KnockAdmin does not own: every line that does not name a KA- chain.</summary>
    private static string Foreign(string live) =>
        string.Join('\n', live.Split('\n').Where(line => !line.Contains("KA-", StringComparison.Ordinal)));
}
