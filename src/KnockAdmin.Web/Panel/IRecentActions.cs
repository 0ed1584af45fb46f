using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Web.Panel;

/// <summary>Changes to live recent lists: the kernel writer, or a fake in component tests.</summary>
public interface IRecentActions
{
    Task GrantAsync(string list, string address, CancellationToken cancellationToken);

    Task RemoveAsync(string list, string address, CancellationToken cancellationToken);

    Task FlushAsync(string list, CancellationToken cancellationToken);
}

public sealed class KernelRecentActions(XtRecentWriter writer) : IRecentActions
{
    public Task GrantAsync(string list, string address, CancellationToken cancellationToken) => writer.GrantAsync(list, address, cancellationToken);

    public Task RemoveAsync(string list, string address, CancellationToken cancellationToken) => writer.RemoveAsync(list, address, cancellationToken);

    public Task FlushAsync(string list, CancellationToken cancellationToken) => writer.FlushAsync(list, cancellationToken);
}
