using Bunit;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

/// <summary>The pages' own server-side checks: viewers change nothing, and firewall changes need a recent password.</summary>
public sealed class AdminGateTests : PanelTestContext
{
    [Fact]
    public async Task A_viewer_who_reaches_the_confirm_button_changes_nothing_and_is_told_why()
    {
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        var revision = await AddRevisionAsync(Revision(RevisionState.PendingConfirmation, deadline: Time.GetUtcNow().AddSeconds(30)));
        RenderProviders();
        var banner = Render<PendingConfirmation>(parameters => parameters.Add(p => p.Revision, RevisionView.From(revision)));

        await banner.Find(".confirm-button").ClickAsync(new());

        banner.WaitForAssertion(() => Assert.Contains("Only an admin may do this", banner.Markup));
        var stored = await WithAsync<KnockAdminDbContext, RevisionEntity>(db => db.Revisions.SingleAsync(r => r.Id == revision.Id));
        Assert.Equal(RevisionState.PendingConfirmation, stored.State);
    }

    [Fact]
    public async Task A_viewer_who_reaches_rollback_or_apply_is_told_at_once_and_asked_nothing()
    {
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        await CreateProfileAsync(Core.Model.FirewallConfig.Tutorial.Profiles[0]);
        var first = await AddRevisionAsync(Revision(RevisionState.Superseded));
        await AddRevisionAsync(Revision(RevisionState.Confirmed));
        var dialogs = RenderProviders();

        foreach (var (page, button) in new[] { (RenderWritable<Revisions>(), $".rollback-button[data-revision='{first.Id}']"), (RenderWritable<ApplyPage>(), ".apply-button") })
        {
            page.WaitForAssertion(() => page.Find(button));
            await page.Find(button).ClickAsync(new());

            page.WaitForAssertion(() => Assert.Contains("Only an admin may do this", page.Find(".error-alert").TextContent));
            Assert.Empty(dialogs.FindAll(".mud-dialog"));
        }

        Assert.Equal(2, await WithAsync<KnockAdminDbContext, int>(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task For_a_viewer_the_layout_s_read_only_flag_disables_apply()
    {
        await CreateProfileAsync(Core.Model.FirewallConfig.Tutorial.Profiles[0]);
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<ApplyPage>());

        page.WaitForAssertion(() => Assert.True(page.Find(".apply-button").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Applying_after_an_old_sign_in_asks_for_the_password_and_a_wrong_one_stops_it()
    {
        var page = await ApplyAfterAnOldSignInAsync(typedPassword: "not the password");

        page.WaitForAssertion(() => Assert.Contains("password was not confirmed", page.Find(".error-alert").TextContent));
        Assert.Empty(await WithAsync<KnockAdminDbContext, List<RevisionEntity>>(db => db.Revisions.ToListAsync()));
        Assert.Contains(await WithAsync<KnockAdminDbContext, List<AuditEntryEntity>>(db => db.AuditEntries.ToListAsync()),
            entry => entry.Action == "reauthenticate.failed");
    }

    [Fact]
    public async Task The_right_password_lets_the_apply_go_on_to_the_firewall()
    {
        var page = await ApplyAfterAnOldSignInAsync(typedPassword: UserPassword);

        // Past the password, the apply reaches the (absent) test namespace and is refused there, in words.
        page.WaitForAssertion(() => Assert.Contains("The firewall refused", page.Find(".error-alert").TextContent));
    }

    /// <summary>Signed in two hours ago, alice clicks Apply and answers the password prompt.</summary>
    private async Task<IRenderedComponent<ApplyPage>> ApplyAfterAnOldSignInAsync(string typedPassword)
    {
        SignInAs(Roles.Admin, Time.GetUtcNow().AddHours(-2));
        await CreateProfileAsync(Core.Model.FirewallConfig.Tutorial.Profiles[0]);
        var dialogs = RenderProviders();
        var page = Render<ApplyPage>();
        page.WaitForAssertion(() => page.Find(".apply-button"));

        var clicking = page.Find(".apply-button").ClickAsync(new());
        dialogs.WaitForElement("#reauth-password");
        await dialogs.Find("#reauth-password").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typedPassword });
        await dialogs.Find(".reauth-submit").ClickAsync(new());
        await clicking;
        return page;
    }

    private IRenderedComponent<CascadingValue<bool>> RenderWritable<TPage>()
        where TPage : IComponent =>
        Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, false)
            .AddChildContent<TPage>());
}
