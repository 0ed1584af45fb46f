using CliWrap;
using CliWrap.Buffered;
using KnockAdmin.Core.Rules;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>
/// Runs iptables-save and iptables-restore (or the ip6tables pair) with argument arrays, inside the configured
/// network namespace when there is one. Never a shell.
/// </summary>
public sealed class FirewallCommands(IOptions<FirewallOptions> options)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public string? NetworkNamespace => string.IsNullOrWhiteSpace(options.Value.NetworkNamespace) ? null : options.Value.NetworkNamespace;

    public static string SaveTool(IpFamily family) => family == IpFamily.V4 ? "iptables-save" : "ip6tables-save";

    public static string RestoreTool(IpFamily family) => family == IpFamily.V4 ? "iptables-restore" : "ip6tables-restore";

    /// <summary>The family's full ruleset as iptables-save prints it.</summary>
    public async Task<string> SaveAsync(IpFamily family, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(SaveTool(family), [], null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new FirewallException(
                $"{SaveTool(family)} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}",
                "snapshot", result.ExitCode);
        }

        return result.StandardOutput;
    }

    /// <summary>Checks <paramref name="script"/> with <c>--test</c>: parsed and resolved, nothing committed.</summary>
    public Task TestAsync(IpFamily family, string script, CancellationToken cancellationToken = default) =>
        RestoreAsync(family, script, ["--test", "--noflush"], "test", cancellationToken);

    /// <summary>Applies <paramref name="script"/> in one transaction with <c>--noflush</c>: foreign rules stay.</summary>
    public Task RestoreNoFlushAsync(IpFamily family, string script, CancellationToken cancellationToken = default) =>
        RestoreAsync(family, script, ["--noflush"], "apply", cancellationToken);

    /// <param name="insideNamespace">False runs the tool on the host even when a namespace is configured (e.g. <c>--version</c>
    /// without the privileges to enter the namespace).</param>
    public async Task<BufferedCommandResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken, bool insideNamespace = true)
    {
        var command = NetworkNamespace is { } ns && insideNamespace
            ? Cli.Wrap("ip").WithArguments(["netns", "exec", ns, tool, .. arguments])
            : Cli.Wrap(tool).WithArguments(arguments);
        command = command.WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        return await command.ExecuteBufferedAsync(timeout.Token);
    }

    private async Task RestoreAsync(IpFamily family, string script, string[] arguments, string step, CancellationToken cancellationToken)
    {
        var tool = RestoreTool(family);
        var result = await RunAsync(tool, arguments, script, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw RestoreFailure.Describe(tool, step, result.ExitCode, result.StandardError, script);
        }
    }
}
