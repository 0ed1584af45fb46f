namespace KnockAdmin.Benchmarks.Flood;

/// <summary>One knock sequence under the flood: whether the door opened, and if not, why.</summary>
/// <param name="KnockTime">How long the knock client ran (a starved client takes longer than its pauses).</param>
/// <param name="PacketsLost">Not every knock reached the server's firewall: dropped on the way, not pushed out of a list.</param>
public sealed record FloodTry(bool Opened, TimeSpan KnockTime, bool PacketsLost);
