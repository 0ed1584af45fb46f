using KnockAdmin.Core.Model;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Checks a whole configuration before it is stored. Implemented by the core validator.</summary>
public interface IConfigValidator
{
    IReadOnlyList<ConfigIssue> Validate(FirewallConfig config);
}
