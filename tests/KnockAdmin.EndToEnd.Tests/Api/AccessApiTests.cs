using System.Net;
using System.Net.Http.Json;
using KnockAdmin.EndToEnd.Tests.Support;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.EndToEnd.Tests.Api;

/// <summary>Every new endpoint wants a token; every change wants an admin token, and a refused one changes nothing.</summary>
public sealed class AccessApiTests
{
    public static TheoryData<string, string> Reads => new()
    {
        { "GET", "/api/revisions" },
        { "GET", "/api/revisions/1" },
        { "GET", "/api/revisions/1/diff/1" },
        { "GET", "/api/rules/diff" },
        { "GET", "/api/recent" },
        { "GET", "/api/status" },
    };

    public static TheoryData<string, string> Changes => new()
    {
        { "POST", "/api/apply" },
        { "POST", "/api/revisions/1/confirm" },
        { "POST", "/api/revisions/1/rollback" },
        { "POST", "/api/recent/KA-ssh-OPEN" },
        { "DELETE", "/api/recent/KA-ssh-OPEN/192.0.2.7" },
        { "DELETE", "/api/recent/KA-ssh-OPEN" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    [MemberData(nameof(Changes))]
    public async Task Without_a_token_every_endpoint_answers_401_and_nothing_changes(string method, string path)
    {
        await using var app = await PanelApp.StartAsync();
        var admin = await app.ClientAsync();
        await admin.AppliedAsync(confirmWithinSeconds: 60);
        await admin.PostAsJsonAsync("/api/recent/KA-ssh-OPEN", new { address = "192.0.2.7" });
        var before = await StateAsync(app);

        var response = await app.CreateClient().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StateAsync(app));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_viewer_token_may_read_but_every_change_gets_a_403_and_changes_nothing(string method, string path)
    {
        await using var app = await PanelApp.StartAsync();
        var admin = await app.ClientAsync();
        await admin.AppliedAsync(confirmWithinSeconds: 60);
        await admin.PostAsJsonAsync("/api/recent/KA-ssh-OPEN", new { address = "192.0.2.7" });
        var viewer = await app.ClientAsync(Roles.Viewer, "dashboard");
        foreach (var (_, read) in Reads.Select(row => ((string)row[0], (string)row[1])))
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(read)).StatusCode);
        }

        var before = await StateAsync(app);
        var response = await viewer.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StateAsync(app));
    }

    /// <summary>Revisions with their states, the audit log's length, the live rules and the open list.</summary>
    private static async Task<string> StateAsync(PanelApp app)
    {
        var revisions = await app.Database.QueryAsync(db => db.Revisions.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.State).ToListAsync());
        var audit = await app.Database.QueryAsync(db => db.AuditEntries.CountAsync());
        var open = await app.Pair.InServerAsync("cat", "/proc/net/xt_recent/KA-ssh-OPEN");
        return $"{string.Join(',', revisions)} audit={audit}\n{await app.LiveAsync()}\n{string.Join('\n', open.StandardOutput.Split('\n').Select(l => l.Split(' ')[0]))}";
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? JsonContent.Create(new { confirmWithinSeconds = 0, address = "192.0.2.9" }) : null,
    };
}
