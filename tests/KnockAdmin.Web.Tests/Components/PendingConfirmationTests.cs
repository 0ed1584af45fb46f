using Bunit;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Components.Layout;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

public sealed class PendingConfirmationTests : PanelTestContext
{
    [Fact]
    public async Task The_countdown_runs_down_with_the_clock()
    {
        var revision = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(30)));
        RenderProviders();
        var banner = Render<PendingConfirmation>(parameters => parameters.Add(p => p.Revision, RevisionView.From(revision)));
        Assert.Equal("30", banner.Find(".countdown").GetAttribute("data-seconds"));

        Time.Advance(TimeSpan.FromSeconds(12));

        banner.WaitForAssertion(() => Assert.Equal("18", banner.Find(".countdown").GetAttribute("data-seconds")));
    }

    [Fact]
    public async Task Confirm_keeps_the_revision_and_tells_the_page()
    {
        var revision = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(30)));
        RevisionView? confirmed = null;
        RenderProviders();
        var banner = Render<PendingConfirmation>(parameters => parameters
            .Add(p => p.Revision, RevisionView.From(revision))
            .Add(p => p.OnConfirmed, (RevisionView view) => confirmed = view));

        await banner.Find(".confirm-button").ClickAsync(new());

        Assert.Equal(RevisionState.Confirmed, confirmed?.State);
        var stored = await WithAsync<KnockAdminDbContext, RevisionEntity>(db => db.Revisions.SingleAsync(r => r.Id == revision.Id));
        Assert.Equal(RevisionState.Confirmed, stored.State);
        Assert.Equal($"user:{UserName}", (await WithAsync<KnockAdminDbContext, AuditEntryEntity>(db => db.AuditEntries.SingleAsync(e => e.Action == "confirm"))).Actor);
    }

    [Fact]
    public async Task After_the_deadline_confirm_is_no_longer_offered()
    {
        var revision = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(5)));
        RenderProviders();
        var banner = Render<PendingConfirmation>(parameters => parameters.Add(p => p.Revision, RevisionView.From(revision)));

        Time.Advance(TimeSpan.FromSeconds(6));

        banner.WaitForAssertion(() =>
        {
            Assert.NotNull(banner.Find(".countdown-over"));
            Assert.True(banner.Find(".confirm-button").HasAttribute("disabled"));
        });
    }

    [Fact]
    public async Task The_dashboard_shows_the_pending_revision_and_follows_its_confirmation_from_the_banner()
    {
        await AddRevisionAsync(Revision(RevisionState.Confirmed));
        var pending = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(20)));
        RenderProviders();

        var banner = Render<RevisionBanner>();
        var page = Render<Dashboard>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(pending.Id.ToString(), banner.Find(".pending-confirmation").GetAttribute("data-revision"));
            Assert.Equal("20", banner.Find(".countdown").GetAttribute("data-seconds"));
            Assert.Contains($"Revision {pending.Id}, waiting for confirmation", page.Find(".active-revision").TextContent);
        });
        await banner.Find(".confirm-button").ClickAsync(new());
        page.WaitForAssertion(() =>
        {
            Assert.Empty(banner.FindAll(".pending-confirmation"));
            Assert.Contains($"Revision {pending.Id}, confirmed", page.Find(".active-revision").TextContent);
        });
    }
}
