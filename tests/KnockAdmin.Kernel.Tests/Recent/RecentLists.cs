using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Recent;

/// <summary>
/// A server namespace whose firewall records knocks on 1111 in an owned list of each family (as the generator
/// names them) and on 1112 in a foreign one.
/// </summary>
internal static class RecentLists
{
    public const string Owned = "KA-t-S1";
    public const string Owned6 = "KA6-t-S1";
    public const string Foreign = "SSH1";
    public const int OwnedPort = 1111;
    public const int ForeignPort = 1112;

    private static string Rules(string owned) => $"""
        *filter
        -A INPUT -p tcp --dport {OwnedPort} -m recent --set --name {owned}
        -A INPUT -p tcp --dport {ForeignPort} -m recent --set --name {Foreign}
        COMMIT

        """;

    public static async Task<NamespacePair> CreateAsync()
    {
        var pair = await NamespacePair.CreateAsync();
        try
        {
            await pair.RestoreAsync(Rules(Owned));
            await pair.RestoreAsync(Rules(Owned6), ipv6: true);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>The list file as the kernel prints it, read inside the server namespace.</summary>
    public static async Task<string> CatAsync(NamespacePair pair, string list) =>
        (await pair.InServerAsync("cat", $"/proc/net/xt_recent/{list}")).EnsureSuccess($"reading {list}").StandardOutput;
}
