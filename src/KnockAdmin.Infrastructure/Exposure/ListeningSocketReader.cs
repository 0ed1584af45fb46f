using KnockAdmin.Core.Exposure;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Infrastructure.Exposure;

/// <summary>
/// The TCP and UDP sockets listening right now in the managed network namespace, read from its
/// <c>/proc/net/tcp</c>, <c>tcp6</c>, <c>udp</c> and <c>udp6</c> (through the same location as the recent lists).
/// </summary>
public sealed class ListeningSocketReader(ProcNetLocation location) : IListeningSockets
{
    private static readonly (string File, string Protocol)[] Tables =
        [("tcp", Protocols.Tcp), ("tcp6", Protocols.Tcp), ("udp", Protocols.Udp), ("udp6", Protocols.Udp)];

    /// <exception cref="IOException">A table cannot be read (no namespace, no /proc).</exception>
    public async Task<IReadOnlyList<ListeningSocket>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var directory = location.GetProcNet();
        var sockets = new List<ListeningSocket>();
        foreach (var (file, protocol) in Tables)
        {
            var path = Path.Combine(directory, file);
            // tcp6 and udp6 are missing when IPv6 is off in the kernel.
            if (file.EndsWith('6') && !File.Exists(path))
            {
                continue;
            }

            sockets.AddRange(ListeningSocket.Parse(await File.ReadAllTextAsync(path, cancellationToken), protocol));
        }

        return sockets;
    }
}
