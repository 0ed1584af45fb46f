using KnockAdmin.Core.Model;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Refuses every configuration, for builds without the core validator: storing unchecked input is worse
/// than storing nothing.</summary>
public sealed class UnavailableConfigValidator : IConfigValidator
{
    public IReadOnlyList<ConfigIssue> Validate(FirewallConfig config) =>
        [new("", "Configuration checks are not available in this build, so no change can be stored.")];
}
