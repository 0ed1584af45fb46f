namespace KnockAdmin.Core.Recent;

/// <summary>
/// Lets each list's pressure through at most once per <paramref name="quiet"/>: a flood keeps a list full for hours
/// and must not become a flood of messages.
/// </summary>
public sealed class ListPressureThrottle(TimeSpan quiet)
{
    private readonly Dictionary<string, DateTimeOffset> lastLetThrough = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The pressures to report now; remembers them as reported.</summary>
    public IReadOnlyList<ListPressure> Due(IEnumerable<ListPressure> pressures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pressures);
        var due = new List<ListPressure>();
        lock (gate)
        {
            foreach (var pressure in pressures)
            {
                if (lastLetThrough.TryGetValue(pressure.List, out var last) && now - last < quiet)
                {
                    continue;
                }

                lastLetThrough[pressure.List] = now;
                due.Add(pressure);
            }
        }

        return due;
    }
}
