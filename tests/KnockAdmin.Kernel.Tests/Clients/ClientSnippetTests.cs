using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Clients;

/// <summary>Every copy-ready client command, run as a user would run it, against the generated rules in a real kernel.</summary>
public class ClientSnippetTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var tool in new[] { ClientSnippets.Knock, ClientSnippets.Nmap, ClientSnippets.Bash, ClientSnippets.Netcat, ClientSnippets.PowerShell })
        {
            cases.Add(tool, "tutorial", NamespacePair.ServerV4);
            cases.Add(tool, "mixed", NamespacePair.ServerV4);
            cases.Add(tool, "tutorial", NamespacePair.ServerV6);
            cases.Add(tool, "mixed", NamespacePair.ServerV6);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_snippet_opens_the_door(string tool, string profileName, string host)
    {
        HostTools.Require("knock", "nmap", "bash", "nc");
        var profile = profileName == "mixed" ? Configs.Mixed : Configs.Tutorial().Profiles[0];
        await using var server = await KnockServer.StartAsync(Configs.Tutorial() with { Profiles = [profile] }, 22);
        var snippet = ClientSnippets.For(profile, host).Single(s => s.Tool == tool);

        Assert.False(await server.ConnectsAsync(22, host));
        await RunAsync(server.Pair, snippet);

        Assert.True(await server.ConnectsAsync(22, host), $"{tool} did not open the door:\n{snippet.Command}");
    }

    /// <summary>Runs the snippet the way its reader would: pasted into bash, or into PowerShell. Knock tools exit non-zero by design (dropped probes).</summary>
    private static Task<CommandOutput> RunAsync(NamespacePair pair, ClientSnippet snippet) => snippet.Tool == ClientSnippets.PowerShell
        ? Run.CommandAsync(
            "ip",
            ["netns", "exec", pair.Client, "dotnet", "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-Command", snippet.Command],
            workingDirectory: RepositoryRoot.Find())
        : pair.InClientAsync("bash", "-c", snippet.Command);
}
