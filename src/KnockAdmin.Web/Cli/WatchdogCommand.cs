using System.CommandLine;
using System.Runtime.InteropServices;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// <c>watchdog --revision N</c>: started by an apply in a process of its own before the kernel is touched. Restores
/// the rules from before the revision when the apply is interrupted (the applier died) or when it is not confirmed by
/// its deadline; ends once the revision is kept, failed or reverted. The decisions are <see cref="RevisionRecovery"/>'s.
/// </summary>
internal static class WatchdogCommand
{
    /// <summary>How long past the deadline (or the start of the apply) a watchdog keeps trying a revert that fails.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(200);

    public static Command Create(CliContext context)
    {
        var revision = new Option<int>("--revision") { Description = "The revision to watch.", Required = true };
        var command = new Command("watchdog", "Internal: revert a revision whose apply was interrupted or that is not confirmed by its deadline.")
        {
            revision,
        };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) =>
        {
            // A session of its own, first thing: Ctrl-C on the terminal of 'KnockAdmin apply', or the terminal closing, must not end it too.
            _ = SetSid();
            return WatchAsync(context, parseResult.GetRequiredValue(revision), cancellationToken);
        });
        return command;
    }

    private static Task<int> WatchAsync(CliContext context, int id, CancellationToken cancellationToken) =>
        CliServices.RunAsync(context, async (services, ct) =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var recovery = services.GetRequiredService<RevisionRecovery>();
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (await recovery.WatchOnceAsync(id, ct))
                    {
                        return ExitCodes.Success;
                    }
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    await context.Error.WriteLineAsync($"watchdog: recovering revision {id} failed, retrying: {failure.Message}");
                }

                if (await GaveUpAsync(services, id, time, ct))
                {
                    await context.Error.WriteLineAsync($"watchdog: gave up on revision {id}; the panel or 'KnockAdmin recover' takes over.");
                    return ExitCodes.Failure;
                }

                await Task.Delay(LookEvery, time, ct);
            }

            return ExitCodes.Success;
        }, cancellationToken);

    [DllImport("libc", EntryPoint = "setsid")]
    private static extern int SetSid();

    private static async Task<bool> GaveUpAsync(IServiceProvider services, int id, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = await services.GetRequiredService<RevisionQueries>().DeadlineAsync(id, cancellationToken);
        return deadline is not null && time.GetUtcNow() > deadline + GiveUpAfter;
    }
}
