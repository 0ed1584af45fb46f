using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;

namespace KnockAdmin.Web.Tests.Components;

public sealed class DashboardRotationTests : PanelTestContext
{
    private static readonly KnockProfile Door = FirewallConfig.Tutorial.Profiles[0] with
    {
        Name = "door",
        Mode = ProfileMode.Rotating,
        Rotation = new Rotation { PeriodSeconds = 60, Length = 4, PortRangeStart = 20000, PortRangeEnd = 29999 },
    };

    private long Due => RotatingSequence.PeriodAt(Time.GetUtcNow(), 60);

    [Fact]
    public async Task A_rotation_that_falls_behind_the_clock_shows_as_stalled_without_a_reload()
    {
        await CreateAppliedProfileAsync(Door);
        var inKernel = Due;
        await SetStateAsync(inKernel, failure: null);
        RenderProviders();
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.Find("h1"));
        Assert.Empty(page.FindAll(".rotation-stalled"));

        // The next boundary passes and 20 s more, past the grace a rotation has: nothing rotated.
        Time.Advance(TimeSpan.FromSeconds(80));

        page.WaitForAssertion(() => Assert.Equal(
            $"Rotation of 'door' is stalled: period {inKernel + 1} is due, the last one put in the kernel is {inKernel}. Is the panel or the knockadmin-rotate timer running?",
            page.Find(".rotation-stalled .rotation-stall[data-profile='door']").TextContent.Trim()));

        await SetStateAsync(inKernel + 1, failure: null);
        Time.Advance(RotationStallAlerts.Interval);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".rotation-stalled")));
    }

    [Fact]
    public async Task A_failed_rotation_is_shown_with_its_reason_at_once()
    {
        await CreateAppliedProfileAsync(Door);
        await SetStateAsync(Due, failure: "iptables-restore failed: line 3: chain KA-door-G2a does not exist.");
        RenderProviders();

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Contains("Rotation of 'door' is stalled: iptables-restore failed: line 3",
            page.Find(".rotation-stalled").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_static_profile_never_shows_a_stalled_rotation()
    {
        await CreateAppliedProfileAsync(FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.Find("h1"));

        Time.Advance(TimeSpan.FromMinutes(5));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".rotation-stalled")));
    }

    private Task<int> SetStateAsync(long period, string? failure) => WithAsync<KnockAdminDbContext, int>(async db =>
    {
        var state = await db.RotationStates.FindAsync("door");
        if (state is null)
        {
            state = new RotationStateEntity { Profile = "door" };
            db.RotationStates.Add(state);
        }

        state.Period = period;
        state.CheckedAt = Time.GetUtcNow();
        state.RotatedAt = Time.GetUtcNow();
        state.Failure = failure;
        return await db.SaveChangesAsync();
    });
}
