using KnockAdmin.Core.History;

namespace KnockAdmin.Infrastructure.History;

/// <summary>Which history lines to read, newest first.</summary>
/// <param name="Address">One address (any spelling of it); null for all.</param>
public sealed record KnockHistoryFilter(
    DateTimeOffset? Since = null,
    string? Profile = null,
    string? Address = null,
    KnockEventKind? Kind = null,
    int Limit = KnockHistoryFilter.DefaultLimit,
    int Offset = 0)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;
}
