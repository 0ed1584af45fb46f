namespace KnockAdmin.Web.Api;

/// <summary>A new secret of a rotating profile, shown once: base32 (RFC 4648, no padding), as authenticator apps take it.</summary>
public sealed record ProfileSecretResponse(int ProfileId, string Secret, int Bytes);

/// <summary>The sequences a rotating profile accepts now: the current period's and the previous one's.</summary>
public sealed record SequencesResponse(int PeriodSeconds, PeriodSequenceDto Current, PeriodSequenceDto Previous);

/// <param name="Period">T = floor(unix time / period seconds).</param>
/// <param name="ValidUntil">When the server stops accepting the sequence: the end of the period after it.</param>
public sealed record PeriodSequenceDto(long Period, DateTimeOffset ValidUntil, IReadOnlyList<PortDto> Steps);
