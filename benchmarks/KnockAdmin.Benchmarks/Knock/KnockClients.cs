using KnockAdmin.Core.Clients;
using KnockAdmin.Core.Model;
using KnockAdmin.Benchmarks.Apply;

namespace KnockAdmin.Benchmarks.Knock;

/// <summary>
/// A knock client exactly as the panel shows it to users: the generated snippet's command lines, each run as its own
/// process with the line split into arguments (never through a shell).
/// </summary>
public sealed record KnockClient(string Tool, string Name, IReadOnlyList<string[]> Commands)
{
    /// <summary>The snippets that are plain command lines; the bash and PowerShell scripts need their interpreters.</summary>
    private static readonly string[] MeasuredTools = [ClientSnippets.Knock, ClientSnippets.Nmap, ClientSnippets.Netcat];

    public static IReadOnlyList<KnockClient> For(KnockProfile profile, string host) =>
        [.. ClientSnippets.For(profile, host)
            .Where(snippet => MeasuredTools.Contains(snippet.Tool))
            .Select(snippet => FromSnippet(snippet, host))];

    private static KnockClient FromSnippet(ClientSnippet snippet, string host)
    {
        var lines = snippet.Command.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        if (lines.Any(line => line.IndexOfAny(['|', ';', '&', '>', '<', '$', '`']) >= 0))
        {
            throw new InvalidOperationException($"The {snippet.Tool} snippet needs a shell and cannot be run as plain commands: {snippet.Command}");
        }

        var commands = lines.Select(TutorialCommands.Arguments).ToList();
        var name = commands.Count == 1
            ? string.Join(' ', commands[0])
            : string.Join(' ', commands[0].Select(argument => argument == host ? "HOST" : int.TryParse(argument, out _) && argument != "0" && argument != "1" ? "PORT" : argument)) + ", one per step";
        return new KnockClient(snippet.Tool, name, commands);
    }
}
