using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Tests.Components.Support;

/// <summary>Recent lists as a test sets them.</summary>
public sealed class FakeRecentSource : IRecentSource
{
    public RecentSnapshot Current { get; set; } = new(RecentAvailability.Available, null, null, null, []);

    public Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Current);
}

/// <summary>Records changes to recent lists; can refuse them like the kernel writer does.</summary>
public sealed class FakeRecentActions : IRecentListWriter
{
    public List<string> Done { get; } = [];

    public RecentListActionException? Refusal { get; set; }

    public async Task<string> GrantAsync(string list, string address, CancellationToken cancellationToken)
    {
        await Record($"+{address} {list}");
        return list;
    }

    public async Task<string> RemoveAsync(string list, string address, CancellationToken cancellationToken)
    {
        await Record($"-{address} {list}");
        return list;
    }

    public async Task<IReadOnlyList<string>> FlushAsync(string list, CancellationToken cancellationToken)
    {
        await Record($"/ {list}");
        return [list];
    }

    private Task Record(string what)
    {
        if (Refusal is not null)
        {
            throw Refusal;
        }

        Done.Add(what);
        return Task.CompletedTask;
    }
}

/// <summary>A firewall whose backend and live owned rules a test sets.</summary>
public sealed class FakeLiveFirewall : ILiveFirewall
{
    public FirewallBackend Backend { get; set; } = new("nf_tables", true, true, true, []);

    public Dictionary<IpFamily, OwnedRuleset> Live { get; } = new()
    {
        [IpFamily.V4] = new OwnedRuleset(IpFamily.V4, [], 0),
        [IpFamily.V6] = new OwnedRuleset(IpFamily.V6, [], 0),
    };

    public Task<FirewallBackend> DetectAsync(CancellationToken cancellationToken) => Task.FromResult(Backend);

    public Task<OwnedRuleset> ReadOwnedAsync(IpFamily family, CancellationToken cancellationToken) => Task.FromResult(Live[family]);
}

public sealed class FakeListeningSockets : KnockAdmin.Infrastructure.Exposure.IListeningSockets
{
    public List<KnockAdmin.Core.Exposure.ListeningSocket> Sockets { get; } = [];

    public Task<IReadOnlyList<KnockAdmin.Core.Exposure.ListeningSocket>> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnockAdmin.Core.Exposure.ListeningSocket>>([.. Sockets]);
}
