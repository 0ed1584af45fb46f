using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>The configured network namespace does not exist or cannot be entered.</summary>
public sealed class NetworkNamespaceUnavailableException(string networkNamespace, string reason) : KnockAdminException(
    FailureKind.Unavailable, "The network namespace cannot be entered", $"Network namespace '{networkNamespace}' cannot be entered: {reason}")
{
    public string NetworkNamespace { get; } = networkNamespace;
}
