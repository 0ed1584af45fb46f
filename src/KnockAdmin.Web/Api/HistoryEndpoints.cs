using System.Globalization;
using KnockAdmin.Core.Failures;
using KnockAdmin.Core.History;
using KnockAdmin.Infrastructure.History;

namespace KnockAdmin.Web.Api;

/// <summary><c>/api/history</c>: who completed a sequence, who stopped partway, grants and revokes; and counts for charts.</summary>
public static class HistoryEndpoints
{
    public static void MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        var history = api.MapGroup("/history").WithTags("Knock history");

        history.MapGet("/", async (string? since, string? profile, string? address, string? kind, int? limit, int? offset,
                KnockHistoryStore store, CancellationToken cancellationToken) =>
            {
                var filter = new KnockHistoryFilter(
                    Since(since), profile, address, Kind(kind), limit ?? KnockHistoryFilter.DefaultLimit, offset ?? 0);
                var events = await store.FindAsync(filter, cancellationToken);
                return new HistoryResponse(events.Select(KnockEventDto.From).ToList());
            })
            .WithName("ListHistory")
            .ProducesValidationProblem();

        history.MapGet("/counts", async (string? profile, KnockHistoryStore store, CancellationToken cancellationToken) =>
            {
                var counts = await store.CountAsync(profile, cancellationToken);
                return new HistoryCountsResponse(counts.Hourly, counts.Daily);
            })
            .WithName("CountHistory");
    }

    private static DateTimeOffset? Since(string? since) =>
        string.IsNullOrWhiteSpace(since) ? null
        : DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment
        : throw new InvalidInputException("since", $"'{since}' is not a date and time; use ISO 8601, e.g. 2026-12-03T08:00:00Z.");

    private static KnockEventKind? Kind(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? null
        : Enum.TryParse<KnockEventKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new InvalidInputException("kind", $"'{kind}' is not a kind of history line; use completed, stopped, granted or revoked.");
}
