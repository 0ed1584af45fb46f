using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Puts generated rules into the kernel: snapshot and <c>--test</c> → atomic <c>--noflush</c> restore → read back and
/// verify, the two families side by side at every step. Any failure leaves the kernel as it was (a family already
/// changed is put back) and is reported with the step, the exit code and the offending line. It never decides what
/// the rules are; the generator does. Every method that writes to the kernel asks for the held <see cref="ApplyLock"/>.
/// </summary>
/// <remarks>
/// When the new rules name other lists than the live ones (an upgrade from lists shared by both families, a first
/// stage split differently), the first commit also holds <see cref="OwnedNames.KeepListsChain"/>, which keeps every
/// list the new rules drop alive; the addresses are then carried into the new lists through their proc files, and a
/// second commit drops the keep chain, whereupon the kernel forgets the old lists.
/// </remarks>
public sealed class RuleApplier(FirewallCommands commands, FirewallDetector detector, RecentListCarrier carrier)
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
        var live = before.Owned();
        var carry = RecentListCarrier.IsNeeded(live, wanted);
        var first = carry
            ? new GeneratedRules(
                ListKeeper.WithKeepChain(wanted.V4, ListKeeper.Vanishing(live, wanted, IpFamily.V4)),
                ListKeeper.WithKeepChain(wanted.V6, ListKeeper.Vanishing(live, wanted, IpFamily.V6)))
            : wanted;

        var scripts = Families
            .Where(family => !(first.For(family).IsEmpty && live.For(family).IsEmpty))
            .ToDictionary(family => family, family => RestoreScript.Build(first.For(family), live.For(family)));
        return new PreparedApply(wanted, before, scripts, first, live, carry);
    }

    /// <summary>
    /// Commits a prepared apply and reads it back. <paramref name="committed"/> hears of each family as its
    /// transaction is in the kernel. On failure whatever committed is put back before the exception leaves.
    /// </summary>
    public async Task<ApplyReport> CommitAsync(
        PreparedApply prepared, ApplyLease lease, Action<IpFamily>? committed = null, CancellationToken cancellationToken = default)
    {
        lease.EnsureHeld();
        await CommitScriptsAsync(prepared.Before, prepared.Scripts, prepared.First, [], committed, cancellationToken);
        if (!prepared.CarriesLists)
        {
            return new ApplyReport(prepared.Before, prepared.Scripts);
        }

        // The new rules are live: from here on nothing may be cut short by a request going away.
        var carried = await carrier.CarryAsync(prepared.Live, prepared.Wanted, CancellationToken.None);
        var keeping = Families
            .Where(family => !prepared.First.For(family).SameAs(prepared.Wanted.For(family)))
            .ToDictionary(family => family, family => RestoreScript.Build(prepared.Wanted.For(family), prepared.First.For(family)));
        if (keeping.Count > 0)
        {
            await CommitScriptsAsync(prepared.Before, keeping, prepared.Wanted, [.. prepared.Scripts.Keys], null, CancellationToken.None);
        }

        return new ApplyReport(prepared.Before, prepared.Scripts, carried);
    }

    /// <summary>
    /// Restores the owned part of a snapshot (what KnockAdmin had in place then); foreign rules are not touched.
    /// Restoring the same snapshot again gives the same rules, so concurrent recoveries are harmless.
    /// </summary>
    public Task<ApplyReport> RestoreAsync(FirewallSnapshot snapshot, ApplyLease lease, CancellationToken cancellationToken = default) =>
        ApplyAsync(snapshot.Owned(), lease, cancellationToken);

    public async Task<FirewallSnapshot> SnapshotAsync(CancellationToken cancellationToken = default) =>
        await SnapshotAsync(await detector.DetectAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Commits <paramref name="scripts"/>, one transaction per family side by side, and verifies the result against
    /// <paramref name="expected"/>. On failure every family committed here or <paramref name="changedEarlier"/> gets
    /// the rules of <paramref name="before"/> back.
    /// </summary>
    private async Task CommitScriptsAsync(
        FirewallSnapshot before, IReadOnlyDictionary<IpFamily, string> scripts, GeneratedRules expected,
        IReadOnlyList<IpFamily> changedEarlier, Action<IpFamily>? committed, CancellationToken cancellationToken)
    {
        var commits = scripts.Select(async pair =>
        {
            await commands.RestoreNoFlushAsync(pair.Key, pair.Value, cancellationToken);
            committed?.Invoke(pair.Key);
            return pair.Key;
        }).ToList();
        try
        {
            await Task.WhenAll(commits);
            await VerifyAsync(expected, scripts.Keys, cancellationToken);
        }
        catch (FirewallException)
        {
            var applied = commits.Where(commit => commit.IsCompletedSuccessfully).Select(commit => commit.Result);
            await PutBackAsync(before, applied.Union(changedEarlier).ToList());
            throw;
        }
    }

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
