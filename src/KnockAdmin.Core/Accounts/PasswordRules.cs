namespace KnockAdmin.Core.Accounts;

/// <summary>The one set of password limits, used when a password is set and when one is checked at sign-in.</summary>
public static class PasswordRules
{
    public const int MinLength = 12;

    /// <summary>Longer input is refused without hashing it, so that nobody can make the panel hash megabytes.</summary>
    public const int MaxLength = 1024;

    /// <returns>Null when <paramref name="password"/> may be set, otherwise what is wrong with it.</returns>
    public static string? Check(string? password) => (password ?? "").Length switch
    {
        < MinLength => $"The password must be at least {MinLength} characters.",
        > MaxLength => $"The password must be at most {MaxLength} characters (it is {password!.Length}).",
        _ => null,
    };

    /// <summary>Whether a password of this length could ever be right (a longer one is refused before hashing).</summary>
    public static bool MayBeChecked(string? password) => (password ?? "").Length <= MaxLength;
}
