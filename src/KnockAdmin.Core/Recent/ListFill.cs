namespace KnockAdmin.Core.Recent;

/// <summary>How full one live list is.</summary>
/// <param name="Capacity">Addresses the list keeps (<c>ip_list_tot</c>), when known.</param>
/// <param name="Fill">Between 0 and 1, when the capacity is known.</param>
public sealed record ListFill(string Name, int Count, int? Capacity, double? Fill, bool IsFull)
{
    public static ListFill Of(RecentListReading list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ListFill(list.Name, list.Count, list.Capacity, list.Fill, list.IsFull);
    }
}
