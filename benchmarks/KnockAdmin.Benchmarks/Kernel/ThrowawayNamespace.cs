using System.Security.Cryptography;

namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>One empty network namespace (loopback up) with its own firewall, deleted on dispose.</summary>
public sealed class ThrowawayNamespace : IAsyncDisposable
{
    private ThrowawayNamespace(string name) => Name = name;

    public string Name { get; }

    public static async Task<ThrowawayNamespace> CreateAsync(string role)
    {
        var ns = new ThrowawayNamespace($"kab-{role}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
        await Run.CheckedAsync("ip", ["netns", "add", ns.Name]);
        try
        {
            await Run.CheckedAsync("ip", ["-n", ns.Name, "link", "set", "lo", "up"]);
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    /// <summary>Empties the namespace's filter tables (both families): it is ours alone, so a full flush is safe here.</summary>
    public async Task ResetFirewallAsync()
    {
        foreach (var tool in new[] { "iptables", "ip6tables" })
        {
            await Run.CheckedAsync("ip", ["netns", "exec", Name, tool, "-F"]);
            await Run.CheckedAsync("ip", ["netns", "exec", Name, tool, "-X"]);
        }
    }

    public async ValueTask DisposeAsync() => await Run.CommandAsync("ip", ["netns", "delete", Name]);
}
