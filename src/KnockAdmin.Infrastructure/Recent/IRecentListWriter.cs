namespace KnockAdmin.Infrastructure.Recent;

/// <summary>Writes to live recent lists: <see cref="XtRecentWriter"/> on a kernel, a fake in component tests.</summary>
public interface IRecentListWriter
{
    /// <summary>Puts the address in as if it had just knocked; returns the list written (of the address's family and shard).</summary>
    Task<string> GrantAsync(string list, string address, CancellationToken cancellationToken = default);

    /// <summary>Takes the address out; returns the list written (of the address's family and shard).</summary>
    Task<string> RemoveAsync(string list, string address, CancellationToken cancellationToken = default);

    /// <summary>Empties the list, or every list of its stage when it is split; returns the lists emptied.</summary>
    Task<IReadOnlyList<string>> FlushAsync(string list, CancellationToken cancellationToken = default);
}
