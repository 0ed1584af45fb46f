using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Puts generated rules into the kernel: snapshot and <c>--test</c> → atomic <c>--noflush</c> restore → read back and
/// verify, the two families side by side at every step. Any failure leaves the kernel as it was (a family already
/// changed is put back) and is reported with the step, the exit code and the offending line. It never decides what
/// the rules are; the generator does.
/// </summary>
public sealed class RuleApplier(FirewallCommands commands, FirewallDetector detector)
{
    private static readonly IpFamily[] Families = [IpFamily.V4, IpFamily.V6];

    public async Task<ApplyReport> ApplyAsync(GeneratedRules wanted, CancellationToken cancellationToken = default)
    {
        var backend = await detector.DetectAsync(cancellationToken);
        if (!backend.CanApply)
        {
            throw new FirewallException($"Applying is not possible here: {backend.RefusalReason}", FirewallException.Unavailable);
        }

        if (!wanted.V6.IsEmpty && !backend.Ipv6Tools)
        {
            throw new FirewallException(
                "IPv6 rules were generated but ip6tables-restore/ip6tables-save are missing; install iptables or switch IPv6 off.",
                FirewallException.Unavailable);
        }

        // The check covers the generated rules themselves and needs nothing from the live ruleset, so it runs while
        // the snapshot is taken. What the commit adds to it (dropping stale chains, fixing the INPUT jump) is checked
        // by the kernel inside the same atomic transaction.
        var checks = Families
            .Where(family => !wanted.For(family).IsEmpty)
            .Select(family => commands.TestAsync(family, RestoreScript.Build(wanted.For(family), OwnedRuleset.Empty(family)), cancellationToken))
            .ToList();
        var snapshot = SnapshotAsync(backend, cancellationToken);
        await Task.WhenAll([.. checks, snapshot]);
        var before = await snapshot;
        var scripts = new Dictionary<IpFamily, string>();
        foreach (var family in Families)
        {
            var live = SaveText.ReadOwned(before.For(family), family);
            var want = wanted.For(family);
            if (!(want.IsEmpty && live.IsEmpty))
            {
                scripts[family] = RestoreScript.Build(want, live);
            }
        }

        // Each family commits in its own transaction; they run side by side, and whatever committed is put back
        // when the other one fails.
        var commits = scripts.Select(async pair =>
        {
            await commands.RestoreNoFlushAsync(pair.Key, pair.Value, cancellationToken);
            return pair.Key;
        }).ToList();
        try
        {
            await Task.WhenAll(commits);
            await VerifyAsync(wanted, scripts.Keys, cancellationToken);
        }
        catch (FirewallException)
        {
            await PutBackAsync(before, commits.Where(commit => commit.IsCompletedSuccessfully).Select(commit => commit.Result).ToList());
            throw;
        }

        return new ApplyReport(before, scripts);
    }

    /// <summary>Restores the owned part of a snapshot (what KnockAdmin had in place then); foreign rules are not touched.</summary>
    public Task<ApplyReport> RestoreAsync(FirewallSnapshot snapshot, CancellationToken cancellationToken = default) =>
        ApplyAsync(snapshot.Owned(), cancellationToken);

    public async Task<FirewallSnapshot> SnapshotAsync(CancellationToken cancellationToken = default) =>
        await SnapshotAsync(await detector.DetectAsync(cancellationToken), cancellationToken);

    private async Task<FirewallSnapshot> SnapshotAsync(FirewallBackend backend, CancellationToken cancellationToken)
    {
        var v4 = commands.SaveAsync(IpFamily.V4, cancellationToken);
        var v6 = backend.Ipv6Tools ? commands.SaveAsync(IpFamily.V6, cancellationToken) : Task.FromResult("");
        return new FirewallSnapshot(await v4, await v6);
    }

    private async Task VerifyAsync(GeneratedRules wanted, IEnumerable<IpFamily> families, CancellationToken cancellationToken)
    {
        var readBack = families.Select(async family => (Family: family, Text: await commands.SaveAsync(family, cancellationToken))).ToList();
        foreach (var (family, text) in await Task.WhenAll(readBack))
        {
            if (!SaveText.ReadOwned(text, family).SameAs(wanted.For(family)))
            {
                throw new FirewallException(
                    $"The {FirewallCommands.RestoreTool(family)} transaction was committed but the live rules read back differ from the generated ones; the previous rules were put back.",
                    "verify");
            }
        }
    }

    private async Task PutBackAsync(FirewallSnapshot before, List<IpFamily> applied)
    {
        // Not cancellable: a half-applied state must not be left behind because a request was aborted.
        foreach (var family in applied)
        {
            var live = SaveText.ReadOwned(await commands.SaveAsync(family), family);
            await commands.RestoreNoFlushAsync(family, RestoreScript.Build(SaveText.ReadOwned(before.For(family), family), live));
        }
    }
}
