namespace KnockAdmin.Infrastructure.Recent;

/// <summary>Writes to live recent lists: <see cref="XtRecentWriter"/> on a kernel, a fake in component tests.</summary>
public interface IRecentListWriter
{
    Task GrantAsync(string list, string address, CancellationToken cancellationToken = default);

    Task RemoveAsync(string list, string address, CancellationToken cancellationToken = default);

    Task FlushAsync(string list, CancellationToken cancellationToken = default);
}
