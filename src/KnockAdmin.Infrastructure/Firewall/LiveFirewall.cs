using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Firewall;

/// <summary>What is read from the kernel's firewall: the backend found, and the owned rules that are live.</summary>
public interface ILiveFirewall
{
    Task<FirewallBackend> DetectAsync(CancellationToken cancellationToken);

    Task<OwnedRuleset> ReadOwnedAsync(IpFamily family, CancellationToken cancellationToken);
}

public sealed class KernelLiveFirewall(FirewallDetector detector, FirewallCommands commands) : ILiveFirewall
{
    public Task<FirewallBackend> DetectAsync(CancellationToken cancellationToken) => detector.DetectAsync(cancellationToken);

    public async Task<OwnedRuleset> ReadOwnedAsync(IpFamily family, CancellationToken cancellationToken) =>
        SaveText.ReadOwned(await commands.SaveAsync(family, cancellationToken), family);
}
