using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>The core validator behind <see cref="IConfigValidator"/>.</summary>
public sealed class CoreConfigValidator : IConfigValidator
{
    public IReadOnlyList<ConfigIssue> Validate(FirewallConfig config) =>
        ConfigValidator.Validate(config).Issues
            .Select(issue => new ConfigIssue(issue.Field, issue.Message, issue.Severity == IssueSeverity.Error))
            .ToList();
}
