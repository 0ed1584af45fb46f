namespace KnockAdmin.Infrastructure.Security;

public enum LoginOutcome
{
    Succeeded,

    /// <summary>Unknown name or wrong password; the two are never told apart.</summary>
    WrongNameOrPassword,

    /// <summary>Too many recent failures for this account or this address.</summary>
    LockedOut,
}

/// <summary>The outcome of a login attempt; <see cref="User"/> is set only on success.</summary>
public sealed record LoginResult(LoginOutcome Outcome, SignedInUser? User = null)
{
    public const string WrongNameOrPasswordMessage = "Wrong name or password.";

    public const string LockedOutMessage = "Too many failed logins. Try again in a few minutes.";

    public bool Succeeded => Outcome == LoginOutcome.Succeeded;

    /// <summary>What the login form shows: the same text for an unknown name and a wrong password.</summary>
    public string? Message => Outcome switch
    {
        LoginOutcome.WrongNameOrPassword => WrongNameOrPasswordMessage,
        LoginOutcome.LockedOut => LockedOutMessage,
        _ => null,
    };
}

/// <summary>A user who has just proved their password.</summary>
public sealed record SignedInUser(int Id, string Name, string Role, DateTimeOffset AuthenticatedAt);
