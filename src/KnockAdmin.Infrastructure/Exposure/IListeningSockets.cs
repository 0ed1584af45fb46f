using KnockAdmin.Core.Exposure;

namespace KnockAdmin.Infrastructure.Exposure;

/// <summary>The sockets listening in the managed network namespace right now.</summary>
public interface IListeningSockets
{
    Task<IReadOnlyList<ListeningSocket>> ReadAsync(CancellationToken cancellationToken = default);
}
