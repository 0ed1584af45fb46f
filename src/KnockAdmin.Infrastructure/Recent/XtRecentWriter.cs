using System.Text;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Changes live recent lists through their proc files: <c>+ADDR</c> adds (grants), <c>-ADDR</c> removes, <c>/</c> flushes.
/// Only KnockAdmin's own lists are touched, and only with a validated, canonical address.
/// </summary>
public sealed class XtRecentWriter(ProcNetLocation location) : IRecentListWriter
{
    /// <summary>Puts the address into the list as if it had just knocked (e.g. into KA-ssh-OPEN to let it in).</summary>
    public async Task GrantAsync(string list, string address, CancellationToken cancellationToken = default) =>
        await WriteAsync(list, "+" + ValidAddress(address), cancellationToken);

    /// <summary>Removes the address from the list (revokes its progress or open window).</summary>
    public async Task RemoveAsync(string list, string address, CancellationToken cancellationToken = default) =>
        await WriteAsync(list, "-" + ValidAddress(address), cancellationToken);

    /// <summary>Removes every address from the list.</summary>
    public Task FlushAsync(string list, CancellationToken cancellationToken = default) =>
        WriteAsync(list, "/", cancellationToken);

    private static string ValidAddress(string address) =>
        RecentAddress.TryParse(address, out var parsed, out var error)
            ? parsed.ToString()
            : throw new RecentListActionException(RecentListActionFailure.BadAddress, "address", $"Bad address: {error}.");

    private async Task WriteAsync(string list, string command, CancellationToken cancellationToken)
    {
        // The name parses as an owned list, so it has no path separators either.
        if (list is null || !OwnedNames.TryParseList(list, out _, out _))
        {
            throw new RecentListActionException(RecentListActionFailure.NotOwned, "list",
                $"'{list}' is not a KnockAdmin list (KA-<profile>-S<k> or KA-<profile>-OPEN); it is left alone.");
        }

        string path;
        try
        {
            path = Path.Combine(location.XtRecentDirectory, list);
        }
        catch (NetworkNamespaceUnavailableException exception)
        {
            throw new RecentListActionException(RecentListActionFailure.Refused, "list", exception.Message);
        }

        if (!File.Exists(path))
        {
            throw new RecentListActionException(RecentListActionFailure.ListMissing, "list",
                $"List '{list}' does not exist in the kernel (no rule has created it yet, or the rules were removed).");
        }

        var bytes = Encoding.ASCII.GetBytes(command + "\n");
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            // One write call: the kernel parses each write as one complete command.
            await RandomAccess.WriteAsync(handle, bytes, 0, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            throw new RecentListActionException(RecentListActionFailure.NotPermitted, "list",
                $"Not permitted to change '{list}': run as root or with CAP_NET_ADMIN.");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RecentListActionException(RecentListActionFailure.ListMissing, "list", $"List '{list}' disappeared before it could be changed.");
        }
        catch (IOException exception)
        {
            throw new RecentListActionException(RecentListActionFailure.Refused, "list",
                $"The kernel refused '{command}' on '{list}': {exception.Message}");
        }
    }
}
