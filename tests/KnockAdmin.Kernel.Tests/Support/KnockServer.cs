using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Rotating;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>
/// A throwaway server (namespace pair) whose firewall is driven by KnockAdmin's own applier, exactly as the app does
/// with <see cref="FirewallOptions.NetworkNamespace"/> set, plus knock clients run from the client namespace.
/// </summary>
public sealed class KnockServer : IAsyncDisposable
{
    private readonly ApplyLock applyLock = new();
    private readonly string lockDirectory = Directory.CreateTempSubdirectory("knockadmin-lock-").FullName;

    private KnockServer(NamespacePair pair)
    {
        Pair = pair;
        var options = Options.Create(new FirewallOptions { NetworkNamespace = pair.Server });
        Commands = new FirewallCommands(options);
        Detector = new FirewallDetector(Commands);
        Location = new ProcNetLocation(pair.Server);
        Applier = new RuleApplier(Commands, Detector, RecentListCarrier.For(Location));
    }

    public NamespacePair Pair { get; }

    public FirewallCommands Commands { get; }

    public FirewallDetector Detector { get; }

    public RuleApplier Applier { get; }

    /// <summary>Where the server's recent lists are, for the product's own reader and writer.</summary>
    public ProcNetLocation Location { get; }

    /// <summary>A fresh server with <paramref name="config"/> applied (nothing when null) and listeners on the given TCP ports.</summary>
    public static async Task<KnockServer> StartAsync(FirewallConfig? config, params int[] listenOn)
    {
        var server = new KnockServer(await NamespacePair.CreateAsync());
        try
        {
            foreach (var port in listenOn)
            {
                await server.Pair.ListenAsync(port);
            }

            if (config is not null)
            {
                await server.ApplyAsync(config);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task<ApplyReport> ApplyAsync(FirewallConfig config) => ApplyRulesAsync(RuleGenerator.Generate(config));

    /// <summary>Applies <paramref name="rules"/> as the app does: holding the apply lock.</summary>
    public async Task<ApplyReport> ApplyRulesAsync(GeneratedRules rules)
    {
        await using var lease = await applyLock.AcquireAsync(lockDirectory);
        return await Applier.ApplyAsync(rules, lease);
    }

    /// <summary>Restores <paramref name="snapshot"/> as the app does: holding the apply lock.</summary>
    public async Task<ApplyReport> RestoreAsync(FirewallSnapshot snapshot)
    {
        await using var lease = await applyLock.AcquireAsync(lockDirectory);
        return await Applier.RestoreAsync(snapshot, lease);
    }

    /// <summary>Rotates the rotating profiles of <paramref name="config"/> as the app does: holding the apply lock.</summary>
    public async Task<IReadOnlyList<ProfileRotationResult>> RotateAsync(FirewallConfig config, RotationContext rotation)
    {
        await using var lease = await applyLock.AcquireAsync(lockDirectory);
        return await new ChainRotator(Commands, new KernelLiveFirewall(Detector, Commands)).RotateAsync(config, rotation, lease);
    }

    /// <summary>knockd's client: one packet per port, no delay. Ports may carry ":udp".</summary>
    public async Task KnockAsync(params string[] ports) =>
        (await Pair.InClientAsync(["knock", "-d", "0", NamespacePair.ServerV4, .. ports])).EnsureSuccess("knock");

    public async Task KnockV6Async(params string[] ports) =>
        (await Pair.InClientAsync(["knock", "-6", "-d", "0", NamespacePair.ServerV6, .. ports])).EnsureSuccess("knock -6");

    public Task<bool> ConnectsAsync(int port, string address = NamespacePair.ServerV4) => Pair.ClientConnectsAsync(port, address);

    public async ValueTask DisposeAsync()
    {
        Location.Dispose();
        await Pair.DisposeAsync();
        Directory.Delete(lockDirectory, recursive: true);
    }
}
