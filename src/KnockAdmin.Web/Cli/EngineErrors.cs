using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>Turns the refusals and failures of the revision engine into a message on standard error and an exit code.</summary>
internal static class EngineErrors
{
    public static async Task<int> HandleAsync(CliContext context, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (ConfigInvalidException invalid)
        {
            await context.Error.WriteLineAsync("error: nothing was applied, the input is invalid:");
            foreach (var issue in invalid.Issues)
            {
                await context.Error.WriteLineAsync($"  {(issue.Field.Length == 0 ? "configuration" : issue.Field)}: {issue.Message}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (Exception refused) when (refused is ApplyInProgressException or RevisionStateException or ConfigurationChangedException)
        {
            await context.Error.WriteLineAsync($"error: {refused.Message}");
            return ExitCodes.Refused;
        }
        catch (ItemNotFoundException missing)
        {
            await context.Error.WriteLineAsync($"error: {missing.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (ApplyNotStartedException notStarted)
        {
            await context.Error.WriteLineAsync($"error: {notStarted.Message}");
            return ExitCodes.Failure;
        }
        catch (ApplyNotRecordedException notRecorded)
        {
            await context.Error.WriteLineAsync($"error: {notRecorded.Message}");
            return ExitCodes.Failure;
        }
        catch (FirewallException failure)
        {
            await context.Error.WriteLineAsync($"error: the firewall step '{failure.Step}' failed, the kernel was left as it was: {failure.Message}");
            return ExitCodes.Failure;
        }
    }
}
