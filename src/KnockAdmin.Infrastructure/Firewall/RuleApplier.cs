using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Puts generated rules into the kernel: snapshot and <c>--test</c> → atomic <c>--noflush</c> restore → read back and
/// verify, the two families side by side at every step. Any failure leaves the kernel as it was (a family already
/// changed is put back) and is reported with the step, the exit code and the offending line. It never decides what
/// the rules are; the generator does.
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
        var live = before.Owned();
        var carry = RecentListCarrier.IsNeeded(live, wanted);
        var first = carry
            ? new GeneratedRules(
                ListKeeper.WithKeepChain(wanted.V4, ListKeeper.Vanishing(live, wanted, IpFamily.V4)),
                ListKeeper.WithKeepChain(wanted.V6, ListKeeper.Vanishing(live, wanted, IpFamily.V6)))
            : wanted;

        var changed = Families.Where(family => !(first.For(family).IsEmpty && live.For(family).IsEmpty)).ToList();
        var scripts = await CommitAsync(before, live, first, changed, [], cancellationToken);
        if (!carry)
        {
            return new ApplyReport(before, scripts);
        }

        // The new rules are live: from here on nothing may be cut short by a request going away.
        var carried = await carrier.CarryAsync(live, wanted, CancellationToken.None);
        var keeping = Families.Where(family => !first.For(family).SameAs(wanted.For(family))).ToList();
        if (keeping.Count > 0)
        {
            await CommitAsync(before, first, wanted, keeping, changed, CancellationToken.None);
        }

        return new ApplyReport(before, scripts, carried);
    }

    /// <summary>Restores the owned part of a snapshot (what KnockAdmin had in place then); foreign rules are not touched.</summary>
    public Task<ApplyReport> RestoreAsync(FirewallSnapshot snapshot, CancellationToken cancellationToken = default) =>
        ApplyAsync(snapshot.Owned(), cancellationToken);

    public async Task<FirewallSnapshot> SnapshotAsync(CancellationToken cancellationToken = default) =>
        await SnapshotAsync(await detector.DetectAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Turns <paramref name="from"/> into <paramref name="to"/> for <paramref name="families"/>, one transaction per
    /// family side by side, and verifies. On failure every family changed here or <paramref name="changedEarlier"/>
    /// gets the rules of <paramref name="before"/> back.
    /// </summary>
    private async Task<IReadOnlyDictionary<IpFamily, string>> CommitAsync(
        FirewallSnapshot before, GeneratedRules from, GeneratedRules to, IReadOnlyList<IpFamily> families,
        IReadOnlyList<IpFamily> changedEarlier, CancellationToken cancellationToken)
    {
        var scripts = families.ToDictionary(family => family, family => RestoreScript.Build(to.For(family), from.For(family)));

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
            await VerifyAsync(to, scripts.Keys, cancellationToken);
        }
        catch (FirewallException)
        {
            var applied = commits.Where(commit => commit.IsCompletedSuccessfully).Select(commit => commit.Result);
            await PutBackAsync(before, applied.Union(changedEarlier).ToList());
            throw;
        }

        return scripts;
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
