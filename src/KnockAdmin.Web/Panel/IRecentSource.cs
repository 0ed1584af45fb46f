using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Recent;

namespace KnockAdmin.Web.Panel;

/// <summary>Where the live recent lists come from: the kernel, or a fake in component tests.</summary>
public interface IRecentSource
{
    Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken);
}

public sealed class KernelRecentSource(XtRecentReader reader) : IRecentSource
{
    public Task<RecentSnapshot> ReadAsync(CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken: cancellationToken);
}
