namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>One finding about a configuration, with the path of the field it is about
/// (<c>profiles[0].steps[2].port</c>). Only errors block a save.</summary>
public sealed record ConfigIssue(string Field, string Message, bool IsError = true);
