using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>Applies a configuration to a benchmark's server namespace as the panel does: through the applier, holding the apply lock.</summary>
public static class ServerFirewall
{
    public static async Task ApplyAsync(string serverNamespace, ProcNetLocation location, FirewallConfig config)
    {
        var commands = new FirewallCommands(Options.Create(new FirewallOptions { NetworkNamespace = serverNamespace }));
        var lockDirectory = Directory.CreateTempSubdirectory("knockadmin-bench-lock-");
        try
        {
            await using var lease = await new ApplyLock().AcquireAsync(lockDirectory.FullName);
            await new RuleApplier(commands, new FirewallDetector(commands), RecentListCarrier.For(location)).ApplyAsync(RuleGenerator.Generate(config), lease);
        }
        finally
        {
            lockDirectory.Delete(recursive: true);
        }
    }
}
