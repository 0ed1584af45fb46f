namespace KnockAdmin.Core.History;

/// <summary>One line of the knock history.</summary>
/// <param name="At">When the address knocked (the kernel's stamp), or when the admin acted.</param>
/// <param name="Stage">Knocks completed when it stopped; the stage written to or taken from for grants and revokes.</param>
/// <param name="Actor">Who granted or revoked; null for what the kernel saw.</param>
public sealed record KnockEvent(
    DateTimeOffset At,
    KnockEventKind Kind,
    string Profile,
    string Address,
    int? Stage = null,
    int? StepCount = null,
    string? Actor = null);
