using Bunit;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Tests.Components.Support;

namespace KnockAdmin.Web.Tests.Components;

public sealed class AuthorNamesTests : PanelTestContext
{
    [Theory]
    [InlineData("user:alice", "alice")]
    [InlineData("token:ci", "API token \"ci\"")]
    [InlineData("cli:root", "root (command line)")]
    [InlineData("system", "system")]
    [InlineData("ansible:bob", "ansible:bob")]
    [InlineData("user:", "user:")]
    [InlineData("", "")]
    public void An_author_reads_as_a_name(string stored, string shown)
    {
        Assert.Equal(shown, ActorText.Of(stored));
    }

    [Fact]
    public async Task Revisions_and_the_audit_log_name_people_and_tokens_without_their_prefix()
    {
        var byToken = Revision(RevisionState.Superseded);
        (byToken.Author, byToken.RemoteAddress) = ("token:ci", "192.0.2.7");
        await AddRevisionAsync(byToken);
        var byAlice = Revision(RevisionState.Confirmed);
        byAlice.Author = "user:alice";
        await AddRevisionAsync(byAlice);
        await WithAsync<KnockAdminDbContext, int>(db =>
        {
            db.AuditEntries.Add(new AuditEntryEntity { Time = Time.GetUtcNow(), Actor = "token:ci", RemoteAddress = "192.0.2.7", Action = "apply", Detail = "Applied." });
            return db.SaveChangesAsync();
        });
        RenderProviders();

        var revisions = Render<Revisions>();
        revisions.WaitForAssertion(() => Assert.Equal(["alice", "API token \"ci\" (192.0.2.7)"],
            revisions.FindAll(".revisions tbody td[data-label='Author']").Select(cell => cell.TextContent.Trim())));

        var audit = Render<Audit>();
        audit.WaitForAssertion(() =>
        {
            var actors = audit.FindAll(".audit tbody td[data-label='Actor']").Select(cell => cell.TextContent.Trim()).ToList();
            Assert.Contains("API token \"ci\" (192.0.2.7)", actors);
            Assert.DoesNotContain(actors, actor => actor.StartsWith("user:", StringComparison.Ordinal) || actor.StartsWith("token:", StringComparison.Ordinal));
        });
    }
}
