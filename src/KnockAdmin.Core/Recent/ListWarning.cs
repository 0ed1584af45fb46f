namespace KnockAdmin.Core.Recent;

/// <summary>A warning about the live lists of one stage of one profile, in words, with the lists it is about.</summary>
public sealed record ListWarning(string Text, IReadOnlyList<string> Lists);
