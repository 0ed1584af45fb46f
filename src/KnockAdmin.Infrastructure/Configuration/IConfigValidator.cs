using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Checks a whole configuration before it is stored: <see cref="ConfigValidator"/>, behind a seam so that
/// a test can watch what happens while the check runs.</summary>
public interface IConfigValidator
{
    ValidationResult Validate(FirewallConfig config);
}

/// <summary>The one validator of configurations.</summary>
public sealed class CoreConfigValidator : IConfigValidator
{
    public ValidationResult Validate(FirewallConfig config) => ConfigValidator.Validate(config);
}
