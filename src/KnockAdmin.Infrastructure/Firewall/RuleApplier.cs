using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Puts generated rules into the kernel: snapshot and <c>--test</c> → atomic <c>--noflush</c> restore → read back and
/// verify, the two families side by side at every step. Any failure leaves the kernel as it was (a family already
/// changed is put back) and is reported with the step, the exit code and the offending line. It never decides what
/// the rules are; the generator does. Every method that writes to the kernel asks for the held <see cref="ApplyLock"/>.
/// </summary>
public sealed class RuleApplier(FirewallCommands commands, FirewallDetector detector)
{
    private static readonly IpFamily[] Families = [IpFamily.V4, IpFamily.V6];

    /// <summary>Prepares and commits in one go.</summary>
    public async Task<ApplyReport> ApplyAsync(GeneratedRules wanted, ApplyLease lease, CancellationToken cancellationToken = default)
    {
        lease.EnsureHeld();
        return await CommitAsync(await PrepareAsync(wanted, cancellationToken), lease, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Checks the rules with <c>--test</c> and takes the snapshot to go back to, changing nothing: the caller can
    /// record both before the kernel is touched.
    /// </summary>
    public async Task<PreparedApply> PrepareAsync(GeneratedRules wanted, CancellationToken cancellationToken = default)
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

        return new PreparedApply(wanted, before, scripts);
    }

    /// <summary>
    /// Commits a prepared apply and reads it back. <paramref name="committed"/> hears of each family as its
    /// transaction is in the kernel. On failure whatever committed is put back before the exception leaves.
    /// </summary>
    public async Task<ApplyReport> CommitAsync(
        PreparedApply prepared, ApplyLease lease, Action<IpFamily>? committed = null, CancellationToken cancellationToken = default)
    {
        lease.EnsureHeld();

        // Each family commits in its own transaction; they run side by side, and whatever committed is put back
        // when the other one fails.
        var commits = prepared.Scripts.Select(async pair =>
        {
            await commands.RestoreNoFlushAsync(pair.Key, pair.Value, cancellationToken);
            committed?.Invoke(pair.Key);
            return pair.Key;
        }).ToList();
        try
        {
            await Task.WhenAll(commits);
            await VerifyAsync(prepared.Wanted, prepared.Scripts.Keys, cancellationToken);
        }
        catch (FirewallException)
        {
            await PutBackAsync(prepared.Before, commits.Where(commit => commit.IsCompletedSuccessfully).Select(commit => commit.Result).ToList());
            throw;
        }

        return new ApplyReport(prepared.Before, prepared.Scripts);
    }

    /// <summary>
    /// Restores the owned part of a snapshot (what KnockAdmin had in place then); foreign rules are not touched.
    /// Restoring the same snapshot again gives the same rules, so concurrent recoveries are harmless.
    /// </summary>
    public Task<ApplyReport> RestoreAsync(FirewallSnapshot snapshot, ApplyLease lease, CancellationToken cancellationToken = default) =>
        ApplyAsync(snapshot.Owned(), lease, cancellationToken);

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
