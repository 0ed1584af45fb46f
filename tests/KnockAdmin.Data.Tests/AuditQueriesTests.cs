using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Data.Tests;

public sealed class AuditQueriesTests
{
    [Fact]
    public async Task Words_match_any_column_whatever_their_case_and_authors_and_actions_filter_exactly()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        await SeedAsync(db);
        var audit = new AuditQueries(db);

        Assert.Equal(["Applied revision 3."], (await audit.SearchAsync(new AuditFilter(Text: "APPLY"))).Select(e => e.Detail));
        Assert.Equal(3, (await audit.SearchAsync(new AuditFilter(Text: "alice"))).Count);
        Assert.Single(await audit.SearchAsync(new AuditFilter(Text: "10.8.0.7")));
        Assert.Equal(["token:ci"], (await audit.SearchAsync(new AuditFilter(Actor: "token:ci"))).Select(e => e.Actor));
        Assert.Empty(await audit.SearchAsync(new AuditFilter(Actor: "user:ALICE")));
        Assert.Equal(2, (await audit.SearchAsync(new AuditFilter(Action: AuditActions.ProfileUpdate))).Count);
        Assert.Equal(["token:ci", "user:alice"], await audit.ActorsAsync());
    }

    [Fact]
    public async Task Pages_go_back_in_time_without_gaps_or_repeats()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        for (var i = 0; i < 250; i++)
        {
            db.AuditEntries.Add(new AuditEntryEntity { Time = DateTimeOffset.UnixEpoch.AddMinutes(i), Actor = "user:alice", Action = AuditActions.ProfileUpdate, Detail = $"change {i}" });
        }

        await db.SaveChangesAsync();
        var audit = new AuditQueries(db);

        var pages = new List<string>();
        for (var offset = 0; offset < 300; offset += AuditFilter.PageSize)
        {
            pages.AddRange((await audit.SearchAsync(new AuditFilter(Offset: offset))).Select(e => e.Detail));
        }

        Assert.Equal(Enumerable.Range(0, 250).Reverse().Select(i => $"change {i}"), pages);
    }

    [Fact]
    public async Task The_export_is_RFC_4180_CSV_in_which_no_cell_can_run_as_a_spreadsheet_formula()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Time = new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero),
            Actor = "=HYPERLINK(\"http://evil.example\")",
            RemoteAddress = "192.0.2.1",
            Action = AuditActions.Login,
            Detail = "line one\nsaid \"hi\", then -2+3",
        });
        await db.SaveChangesAsync();

        var csv = await new AuditQueries(db).ExportCsvAsync(new AuditFilter());

        var lines = csv.Split("\r\n");
        Assert.Equal("time,actor,remoteAddress,action,detail", lines[0]);
        Assert.StartsWith("2026-12-03T16:00:00.000+00:00,\"'=HYPERLINK(\"\"http://evil.example\"\")\",192.0.2.1,login,\"line one\nsaid \"\"hi\"\", then -2+3\"", lines[1]);
    }

    private static async Task SeedAsync(KnockAdminDbContext db)
    {
        var at = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        db.AuditEntries.AddRange(
            new AuditEntryEntity { Time = at, Actor = "user:alice", RemoteAddress = "10.8.0.7", Action = AuditActions.ProfileUpdate, Detail = "Updated profile 'ssh'." },
            new AuditEntryEntity { Time = at.AddMinutes(1), Actor = "user:alice", Action = AuditActions.ProfileUpdate, Detail = "Updated profile 'web'." },
            new AuditEntryEntity { Time = at.AddMinutes(2), Actor = "user:alice", Action = AuditActions.Apply, Detail = "Applied revision 3." },
            new AuditEntryEntity { Time = at.AddMinutes(3), Actor = "token:ci", Action = AuditActions.Login, Detail = "Signed in." });
        await db.SaveChangesAsync();
    }
}
