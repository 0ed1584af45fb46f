using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Refuses to start with a setting that would switch a protection off or make it meaningless.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        Check(options.ReauthenticateAfterMinutes, nameof(options.ReauthenticateAfterMinutes));
        Check(options.SessionMinutes, nameof(options.SessionMinutes));
        Check(options.FailuresBeforeDelay, nameof(options.FailuresBeforeDelay));
        Check(options.MaxLoginDelaySeconds, nameof(options.MaxLoginDelaySeconds));
        Check(options.FailureWindowMinutes, nameof(options.FailureWindowMinutes));
        Check(options.SetupLinkMinutes, nameof(options.SetupLinkMinutes));
        if (options.MaxLoginDelaySeconds > SecurityOptions.LongestLoginDelaySeconds)
        {
            failures.Add($"{SecurityOptions.Section}:{nameof(options.MaxLoginDelaySeconds)} must be at most {SecurityOptions.LongestLoginDelaySeconds} "
                + $"(it is {options.MaxLoginDelaySeconds}), so that the owner of an attacked account still gets in within a minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(int value, string setting)
        {
            if (value <= 0)
            {
                failures.Add($"{SecurityOptions.Section}:{setting} must be a positive whole number (it is {value}).");
            }
        }
    }
}
