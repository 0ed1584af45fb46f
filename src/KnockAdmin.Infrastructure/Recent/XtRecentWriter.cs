using System.Net;
using System.Text;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Changes live recent lists through their proc files: <c>+ADDR</c> adds (grants), <c>-ADDR</c> removes, <c>/</c> flushes.
/// Only KnockAdmin's own lists are touched, and only with a validated, canonical address. A grant or revoke goes to the
/// list of the address's family and shard for the stage the named list stands for (<see cref="RecentListTarget"/>).
/// </summary>
public sealed class XtRecentWriter(ProcNetLocation location) : IRecentListWriter
{
    /// <summary>Puts the address into the stage's list as if it had just knocked (e.g. into KA-ssh-OPEN to let it in).</summary>
    public async Task<string> GrantAsync(string list, string address, CancellationToken cancellationToken = default)
    {
        var (target, parsed) = Resolve(list, address);
        await WriteAsync(new RecentListWrite(target, parsed, Add: true), cancellationToken);
        return target;
    }

    /// <summary>Removes the address from the stage's list (revokes its progress or open window).</summary>
    public async Task<string> RemoveAsync(string list, string address, CancellationToken cancellationToken = default)
    {
        var (target, parsed) = Resolve(list, address);
        await WriteAsync(new RecentListWrite(target, parsed, Add: false), cancellationToken);
        return target;
    }

    /// <summary>Removes every address from the list, or from every list of its stage and family when it is split.</summary>
    public async Task<IReadOnlyList<string>> FlushAsync(string list, CancellationToken cancellationToken = default)
    {
        RequireOwned(list);
        var lists = RecentListTarget.ForFlush(list, LiveLists());
        if (lists.Count == 0)
        {
            throw Missing(list);
        }

        foreach (var each in lists)
        {
            await WriteAsync(each, "/", cancellationToken);
        }

        return lists;
    }

    /// <summary>Writes one command to exactly the list it names (the apply's carry-over, which has resolved it already).</summary>
    public Task WriteAsync(RecentListWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        RequireOwned(write.List);
        return WriteAsync(write.List, write.Command, cancellationToken);
    }

    /// <summary>The names of the lists in the kernel now.</summary>
    public IReadOnlyCollection<string> LiveLists()
    {
        try
        {
            var directory = location.XtRecentDirectory;
            return Directory.Exists(directory)
                ? Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : [];
        }
        catch (NetworkNamespaceUnavailableException exception)
        {
            throw new RecentListActionException(RecentListActionFailure.Refused, "list", exception.Message);
        }
        catch (UnauthorizedAccessException)
        {
            throw new RecentListActionException(RecentListActionFailure.NotPermitted, "list", "Not permitted to read the recent lists: run as root or with CAP_NET_ADMIN.");
        }
    }

    private (string Target, IPAddress Address) Resolve(string list, string address)
    {
        if (!RecentAddress.TryParse(address, out var parsed, out var why))
        {
            throw new RecentListActionException(RecentListActionFailure.BadAddress, "address", $"Bad address: {why}.");
        }

        RequireOwned(list);
        return RecentListTarget.TryResolve(list, parsed, LiveLists(), out var target, out var error)
            ? (target, parsed)
            : throw new RecentListActionException(RecentListActionFailure.ListMissing, "list", error);
    }

    private static void RequireOwned(string? list)
    {
        // The name parses as an owned list, so it has no path separators either.
        if (list is null || !RecentListName.TryParse(list, out _))
        {
            throw new RecentListActionException(RecentListActionFailure.NotOwned, "list", RecentListTarget.NotOurs(list));
        }
    }

    private static RecentListActionException Missing(string list) =>
        new(RecentListActionFailure.ListMissing, "list",
            $"List '{list}' does not exist in the kernel (no rule has created it yet, or the rules were removed).");

    private async Task WriteAsync(string list, string command, CancellationToken cancellationToken)
    {
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
            throw Missing(list);
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
