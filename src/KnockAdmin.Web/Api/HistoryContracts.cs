using KnockAdmin.Core.History;

namespace KnockAdmin.Web.Api;

/// <param name="Stage">Knocks done when an attempt stopped; the stage granted into or revoked from (null: the open window).</param>
public sealed record KnockEventDto(DateTimeOffset At, KnockEventKind Kind, string Profile, string Address, int? Stage, int? StepCount, string? Actor)
{
    public static KnockEventDto From(KnockEvent knock) =>
        new(knock.At, knock.Kind, knock.Profile, knock.Address, knock.Stage, knock.StepCount, knock.Actor);
}

public sealed record HistoryResponse(IReadOnlyList<KnockEventDto> Events);

public sealed record HistoryCountsResponse(IReadOnlyList<KnockBucket> Hourly, IReadOnlyList<KnockBucket> Daily);
