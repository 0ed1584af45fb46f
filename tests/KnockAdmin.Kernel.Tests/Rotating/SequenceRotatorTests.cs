using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Kernel.Tests.Lists;
using KnockAdmin.Kernel.Tests.Revisions;
using KnockAdmin.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Kernel.Tests.Rotating;

/// <summary>
/// The rotation as the panel and the rotate verb run it: the active revision of a real database, the secret stored with
/// Data Protection, the apply lock, a fake clock moved across period boundaries, and a real kernel in a namespace.
/// </summary>
public class SequenceRotatorTests
{
    /// <summary>The second second of the period after the host's start: the fake clock only goes forward.</summary>
    private long start;

    private long MomentOf(int offset) => start + (offset * (long)RotatingConfigs.Period);

    private long PeriodOf(int offset) => (start / RotatingConfigs.Period) + offset;

    private async Task<(RevisionHost Host, byte[] Secret)> StartAsync()
    {
        var host = await RevisionHost.StartAsync(RotatingConfigs.WithTutorial());
        start = ((host.Time.GetUtcNow().ToUnixTimeSeconds() / RotatingConfigs.Period) + 1) * RotatingConfigs.Period + 1;
        host.Time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(start));
        var id = await host.InScopeAsync<KnockAdminDbContext, int>(db => Task.FromResult(db.Profiles.Single(p => p.Name == "rot").Id));
        var secret = await host.InScopeAsync<ProfileSecrets, byte[]>(secrets => secrets.ReplaceAsync(id));
        return (host, secret);
    }

    private static GeneratedRules Expected(long unixSeconds, byte[] secret) =>
        RuleGenerator.Generate(RotatingConfigs.WithTutorial(), new RotationContext(unixSeconds, new Dictionary<string, byte[]> { ["rot"] = secret }));

    private static Task<IReadOnlyList<ProfileRotationResult>?> RotateAsync(RevisionHost host) =>
        host.InScopeAsync<SequenceRotator, IReadOnlyList<ProfileRotationResult>?>(rotator => rotator.RotateAsync());

    [Fact]
    public async Task An_apply_puts_the_current_period_in_and_each_round_after_a_boundary_the_next_one_once()
    {
        var (host, secret) = await StartAsync();
        await using var _ = host;
        await host.ApplyAsync(0);
        Assert.Equal(Expected(MomentOf(0), secret).V4.ToSaveText(), (await ListFiles.LiveRulesAsync(host.Pair)).V4.ToSaveText());

        Assert.Equal(ProfileRotationOutcome.AlreadyDue, Assert.Single((await RotateAsync(host))!).Outcome);
        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period));
        var rotated = Assert.Single((await RotateAsync(host))!);
        var again = Assert.Single((await RotateAsync(host))!);

        Assert.Equal(new ProfileRotationResult("rot", PeriodOf(1), ProfileRotationOutcome.Rotated), rotated);
        Assert.Equal(ProfileRotationOutcome.AlreadyDue, again.Outcome);
        var live = await ListFiles.LiveRulesAsync(host.Pair);
        Assert.Equal(Expected(MomentOf(1), secret).V4.ToSaveText(), live.V4.ToSaveText());
        Assert.Equal(Expected(MomentOf(1), secret).V6.ToSaveText(), live.V6.ToSaveText());
        var state = await host.InScopeAsync<KnockAdminDbContext, RotationStateEntity>(db => Task.FromResult(db.RotationStates.Single()));
        Assert.Equal(PeriodOf(1), state.Period);
        Assert.Equal(host.Time.GetUtcNow(), state.RotatedAt);
        Assert.Null(state.Failure);
    }

    [Fact]
    public async Task A_rotation_is_not_a_revision_and_a_success_is_not_audited()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        await host.ApplyAsync(0);
        var revisions = await host.InScopeAsync<KnockAdminDbContext, int>(db => Task.FromResult(db.Revisions.Count()));
        var audits = await host.InScopeAsync<KnockAdminDbContext, int>(db => Task.FromResult(db.AuditEntries.Count()));

        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period));
        await RotateAsync(host);

        Assert.Equal(revisions, await host.InScopeAsync<KnockAdminDbContext, int>(db => Task.FromResult(db.Revisions.Count())));
        Assert.Equal(audits, await host.InScopeAsync<KnockAdminDbContext, int>(db => Task.FromResult(db.AuditEntries.Count())));
    }

    [Fact]
    public async Task A_round_waits_for_an_apply_holding_the_lock_and_reports_that_it_rotated_nothing()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        await host.ApplyAsync(0);
        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period));
        var before = await host.Pair.SaveAsync();

        await using (await host.HoldLockAsOtherProcessAsync())
        {
            Assert.Null(await RotateAsync(host));
        }

        Assert.Equal(before, await host.Pair.SaveAsync());
    }

    [Fact]
    public async Task A_failed_rotation_is_audited_once_without_the_secret_and_recorded_for_the_dashboard()
    {
        var (host, secret) = await StartAsync();
        await using var _ = host;
        await host.ApplyAsync(0);
        await RotateAsync(host);
        // Someone removed the profile's chains by hand: the rotation must not put a partial profile in.
        await host.Pair.RestoreAsync("*filter\n-D KA-INPUT -j KA-rot-K\n-F KA-rot-K\n-X KA-rot-K\nCOMMIT\n");
        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period));

        var first = Assert.Single((await RotateAsync(host))!);
        await RotateAsync(host);

        Assert.Equal(ProfileRotationOutcome.NotApplied, first.Outcome);
        var entries = await host.InScopeAsync<KnockAdminDbContext, List<AuditEntryEntity>>(db =>
            Task.FromResult(db.AuditEntries.Where(e => e.Action == AuditActions.RotationFailure).ToList()));
        var entry = Assert.Single(entries);
        Assert.Contains("'rot'", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret), entry.Detail, StringComparison.Ordinal);
        var state = await host.InScopeAsync<KnockAdminDbContext, RotationStateEntity>(db => Task.FromResult(db.RotationStates.Single()));
        Assert.Equal(PeriodOf(0), state.Period);
        Assert.NotNull(state.Failure);
    }

    [Fact]
    public async Task The_drift_check_takes_the_due_period_as_in_order_and_a_stalled_rotation_as_drift()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        await host.ApplyAsync(0);
        var monitor = ActivatorUtilities.CreateInstance<DriftMonitor>(host.Service<IServiceProvider>());

        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period));
        await RotateAsync(host);
        Assert.False((await monitor.CheckNowAsync()).HasDrift);

        // Just after the next boundary, before the rotation ran: still in order (grace).
        host.Time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(PeriodOf(2) * RotatingConfigs.Period + 2));
        Assert.False((await monitor.CheckNowAsync()).HasDrift);

        host.Time.Advance(Infrastructure.Rotating.RotationDrift.Grace);
        Assert.True((await monitor.CheckNowAsync()).HasDrift);
        await RotateAsync(host);
        Assert.False((await monitor.CheckNowAsync()).HasDrift);
    }

    [Fact]
    public async Task The_status_names_a_stalled_rotation_and_takes_a_done_one_as_in_order()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        await host.ApplyAsync(0);
        await RotateAsync(host);
        Assert.Empty((await host.InScopeAsync<Infrastructure.Status.SystemStatusReader, Infrastructure.Status.SystemStatus>(reader => reader.ReadAsync())).RotationStalls!);

        host.Time.Advance(TimeSpan.FromSeconds(RotatingConfigs.Period + 20));
        var stalled = await host.InScopeAsync<Infrastructure.Status.SystemStatusReader, Infrastructure.Status.SystemStatus>(reader => reader.ReadAsync());
        await RotateAsync(host);
        var rotated = await host.InScopeAsync<Infrastructure.Status.SystemStatusReader, Infrastructure.Status.SystemStatus>(reader => reader.ReadAsync());

        var stall = Assert.Single(stalled.RotationStalls!);
        Assert.Equal(("rot", PeriodOf(1), (long?)PeriodOf(0)), (stall.Profile, stall.DuePeriod, stall.InKernelPeriod));
        Assert.Contains("knockadmin-rotate timer", stall.Text, StringComparison.Ordinal);
        Assert.True(stalled.Drift!.HasDrift);
        Assert.Empty(rotated.RotationStalls!);
        Assert.False(rotated.Drift!.HasDrift);
    }
}
