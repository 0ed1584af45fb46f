using System.Runtime.CompilerServices;
using Bunit;

namespace KnockAdmin.Web.Tests.Components.Support;

/// <summary>
/// bUnit's waits give a component one second by default. The component test classes run in parallel with the
/// panel's own tests (Kestrel, SQLite, child processes) on two cores, where a page that has a minute of timers to
/// catch up can need longer than that before its dispatcher even runs the check. A wait ends as soon as its
/// assertion holds, so a longer limit only lengthens a failure; and more pool threads keep the synchronous waits of
/// parallel tests from starving the dispatchers they wait on.
/// </summary>
internal static class ComponentWaits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [ModuleInitializer]
    internal static void Initialise()
    {
        BunitContext.DefaultWaitTimeout = Limit;
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), completionPorts);
    }
}
