namespace KnockAdmin.Infrastructure.Security;

/// <summary>What a token or user may do: an admin changes things, a viewer only reads.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Viewer;
}
