using Bunit;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

public sealed class RevisionsPageTests : PanelTestContext
{
    private const string RulesA = "*filter\n:KA-INPUT - [0:0]\n-A KA-INPUT -p tcp --dport 1111 -j DROP\n-A KA-INPUT -p tcp --dport 22 -j DROP\nCOMMIT\n";
    private const string RulesB = "*filter\n:KA-INPUT - [0:0]\n-A KA-INPUT -p tcp --dport 4444 -j DROP\n-A KA-INPUT -p tcp --dport 22 -j DROP\nCOMMIT\n";

    [Fact]
    public async Task The_history_shows_state_and_author_and_the_diff_of_the_two_newest()
    {
        await AddRevisionAsync(Revision(RevisionState.Superseded, RulesA));
        await AddRevisionAsync(Revision(RevisionState.Confirmed, RulesB));
        RenderProviders();

        var page = Render<Revisions>();

        page.WaitForAssertion(() =>
        {
            var states = page.FindAll(".revisions .state").Select(chip => chip.TextContent.Trim()).ToList();
            Assert.Equal(["in force", "replaced by #2"], states);
            Assert.Contains("tests", page.Find(".revisions tbody").TextContent);
            var v4 = page.Find(".diff-v4");
            Assert.Contains("--dport 1111", v4.QuerySelector("[data-kind='Removed']")!.TextContent);
            Assert.Contains("--dport 4444", v4.QuerySelector("[data-kind='Added']")!.TextContent);
            Assert.Contains("--dport 22", string.Join("\n", v4.QuerySelectorAll("[data-kind='Unchanged']").Select(line => line.TextContent)));
        });
    }

    [Fact]
    public async Task Rollback_asks_first_and_a_failure_is_shown_in_words()
    {
        var first = await AddRevisionAsync(Revision(RevisionState.Superseded, RulesA));
        await AddRevisionAsync(Revision(RevisionState.Confirmed, RulesB));
        var dialogs = RenderProviders();
        var page = Render<Revisions>();
        page.WaitForAssertion(() => page.Find($".rollback-button[data-revision='{first.Id}']"));

        // The click's handler waits for the dialog, so it is answered before the click completes.
        var clicking = page.Find($".rollback-button[data-revision='{first.Id}']").ClickAsync(new());
        var dialog = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains($"Roll back to revision {first.Id}?", dialog.TextContent);
        await dialogs.Find(".mud-dialog-actions button:last-child").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() =>
        {
            var alert = page.Find(".error-alert").TextContent;
            Assert.Contains("The firewall refused", alert);
            Assert.DoesNotContain(" at KnockAdmin", alert);
        });
        var states = await WithAsync<KnockAdminDbContext, List<RevisionState>>(db => db.Revisions.OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
        // The firewall could not be reached at all, so nothing ran and no revision was added.
        Assert.Equal([RevisionState.Superseded, RevisionState.Confirmed], states);
    }
}
