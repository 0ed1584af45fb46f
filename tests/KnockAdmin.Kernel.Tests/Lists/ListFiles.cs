using KnockAdmin.Core.Rules;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Lists;

/// <summary>The server's recent lists and the lists its live rules name, read in the server namespace.</summary>
internal static class ListFiles
{
    /// <summary>The names under /proc/net/xt_recent, sorted.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(NamespacePair pair) =>
        (await pair.InServerAsync("ls", "-1", "/proc/net/xt_recent")).EnsureSuccess("listing the recent lists")
            .StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

    public static async Task<string> ReadAsync(NamespacePair pair, string list) =>
        (await pair.InServerAsync("cat", $"/proc/net/xt_recent/{list}")).EnsureSuccess($"reading {list}").StandardOutput;

    /// <summary>The owned rules live in each family, as KnockAdmin reads them back.</summary>
    public static async Task<GeneratedRules> LiveRulesAsync(NamespacePair pair) => new(
        SaveText.ReadOwned(await pair.SaveAsync(), IpFamily.V4), SaveText.ReadOwned(await pair.SaveAsync(ipv6: true), IpFamily.V6));

    /// <summary>Every list some live rule names, sorted.</summary>
    public static IReadOnlyList<string> Named(GeneratedRules rules) =>
        RecentListUse.Of(rules.V4).Concat(RecentListUse.Of(rules.V6)).Select(use => use.Name).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>How /proc/net/xt_recent prints an IPv6 address: every group, four digits each.</summary>
    public static string Expanded(string ipv6) =>
        string.Join(':', System.Net.IPAddress.Parse(ipv6).GetAddressBytes().Chunk(2).Select(pair => $"{pair[0]:x2}{pair[1]:x2}"));
}
