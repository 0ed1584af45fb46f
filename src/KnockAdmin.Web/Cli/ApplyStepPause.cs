using System.Runtime.InteropServices;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>
/// For the crash tests only: with <c>KNOCKADMIN_TEST_PAUSE_AT_APPLY_STEP=STEP</c> in its environment, a panel or an
/// apply/rollback verb stops itself (SIGSTOP) when an apply reaches STEP (one of <see cref="ApplySteps.All"/>), so that
/// a test can SIGKILL it at exactly that moment, or fill the disk and let it go on (SIGCONT). Read only here, only by
/// the verbs that apply; nothing else reads it, and it says so loudly when set.
/// </summary>
internal sealed class ApplyStepPause(string step) : IApplyStepObserver
{
    public const string Variable = "KNOCKADMIN_TEST_PAUSE_AT_APPLY_STEP";

    private const int SigStop = 19;

    public static void AddFromEnvironment(IServiceCollection services, TextWriter error)
    {
        var step = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(step))
        {
            return;
        }

        if (!ApplySteps.All.Contains(step))
        {
            throw new ArgumentException($"{Variable} names no apply step ('{step}'); the steps are {string.Join(", ", ApplySteps.All)}.");
        }

        error.WriteLine($"warning: {Variable} is set: this process stops itself (SIGSTOP) whenever an apply reaches '{step}'. It is meant for tests only.");
        services.AddSingleton<IApplyStepObserver>(new ApplyStepPause(step));
    }

    public void Reached(string reached)
    {
        if (reached == step)
        {
            _ = Kill(Environment.ProcessId, SigStop);
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
