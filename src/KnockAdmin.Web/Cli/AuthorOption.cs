using System.CommandLine;
using System.Text.RegularExpressions;
using KnockAdmin.Infrastructure.Auditing;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>--author TOOL:USER</c> of the verbs a rollout runs (config import, apply, confirm): the audit log and the revision
/// name the tool and the user behind it (<c>ansible:alice</c>) instead of the local account the tool logs in as.
/// </summary>
internal static partial class AuthorOption
{
    /// <summary>The kinds of author KnockAdmin records itself; a tool may not pose as one of them.</summary>
    private static readonly string[] Reserved = ["user", "token", "cli", "system"];

    public static Option<string?> Create()
    {
        var option = new Option<string?>("--author")
        {
            Description = "Who makes this change, as TOOL:USER (e.g. ansible:alice, the tool and the user on its control node); "
                + "recorded in the audit log instead of the local user. Default: cli:<local user>.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && Problem(value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    public static Actor ActorOf(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) is { } author ? new Actor(author) : Actor.CommandLine;

    /// <summary>Why <paramref name="author"/> is not a valid author; null when it is.</summary>
    public static string? Problem(string author)
    {
        var match = Shape().Match(author);
        if (!match.Success)
        {
            return $"--author '{author}' is not TOOL:USER: a tool name of lower-case letters, digits and '-', a colon, "
                + "and a user name of at most 64 letters, digits, '.', '_', '@' or '-' (e.g. ansible:alice).";
        }

        return Reserved.Contains(match.Groups["tool"].Value, StringComparer.Ordinal)
            ? $"--author '{author}': '{match.Groups["tool"].Value}:' is what KnockAdmin records for its own authors; name the tool that makes the change."
            : null;
    }

    [GeneratedRegex("^(?<tool>[a-z][a-z0-9-]{0,31}):[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
