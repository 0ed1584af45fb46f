namespace KnockAdmin.Core.Rules;

/// <summary>
/// What the rules of rotating profiles depend on beyond the configuration: the moment they are generated for (which
/// fixes the current period of each profile) and each rotating profile's secret, by profile name.
/// </summary>
/// <remarks>
/// Secrets never enter the configuration, the revisions or the audit log: they come from their own store each time
/// rules are generated. A rotating profile without a secret gets no rules, so its protected ports stay refused.
/// </remarks>
public sealed record RotationContext(long UnixSeconds, IReadOnlyDictionary<string, byte[]> Secrets)
{
    /// <summary>No secret at all: rotating profiles get no rules.</summary>
    public static RotationContext None { get; } = new(0, new Dictionary<string, byte[]>());

    public static RotationContext At(DateTimeOffset time, IReadOnlyDictionary<string, byte[]> secrets) =>
        new(time.ToUnixTimeSeconds(), secrets);

    public byte[]? SecretOf(string profile) =>
        Secrets.TryGetValue(profile, out var secret) && secret.Length >= Sequences.RotatingSequence.MinSecretBytes ? secret : null;
}
