using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>Refuses to start with a limit that would disable a protection (zero or negative), naming the setting.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        Check(options.ReauthenticateAfterMinutes, nameof(options.ReauthenticateAfterMinutes));
        Check(options.SessionMinutes, nameof(options.SessionMinutes));
        Check(options.MaxFailedLogins, nameof(options.MaxFailedLogins));
        Check(options.FailureWindowMinutes, nameof(options.FailureWindowMinutes));
        Check(options.LockoutMinutes, nameof(options.LockoutMinutes));
        Check(options.SetupLinkMinutes, nameof(options.SetupLinkMinutes));
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
