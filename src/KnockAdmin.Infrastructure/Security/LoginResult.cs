using System.Globalization;

namespace KnockAdmin.Infrastructure.Security;

public enum LoginOutcome
{
    Succeeded,

    /// <summary>Unknown name, wrong password or a disabled account; the three are never told apart.</summary>
    WrongNameOrPassword,

    /// <summary>Too many recent failures for this name from here: the attempt was not checked.</summary>
    Throttled,
}

/// <summary>The outcome of a login attempt; <see cref="User"/> is set only on success, <see cref="Wait"/> only when throttled.</summary>
public sealed record LoginResult(LoginOutcome Outcome, SignedInUser? User = null, TimeSpan? Wait = null)
{
    public const string WrongNameOrPasswordMessage = "Wrong name or password.";

    public bool Succeeded => Outcome == LoginOutcome.Succeeded;

    /// <summary>What the login form shows: the same text for an unknown name and a wrong password.</summary>
    public string? Message => Outcome switch
    {
        LoginOutcome.WrongNameOrPassword => WrongNameOrPasswordMessage,
        LoginOutcome.Throttled => ThrottledMessage(Wait ?? TimeSpan.Zero),
        _ => null,
    };

    /// <summary>Says how long to wait, in whole seconds rounded up.</summary>
    public static string ThrottledMessage(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return $"Too many failed sign-ins for this name from here. Try again in {seconds.ToString(CultureInfo.InvariantCulture)} second{(seconds == 1 ? "" : "s")}.";
    }
}

/// <summary>A user who has just proved their password.</summary>
public sealed record SignedInUser(int Id, string Name, string Role, DateTimeOffset AuthenticatedAt);

/// <summary>A browser that signed in to <see cref="UserId"/> before, known by the random id in its device cookie.</summary>
public sealed record KnownDevice(int UserId, string DeviceId);
