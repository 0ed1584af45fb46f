using KnockAdmin.Infrastructure.Status;

namespace KnockAdmin.Web.Api;

/// <summary>Every warning of a status in words, in the order the dashboard shows them: for the API and the status verb.</summary>
public static class StatusWarnings
{
    public static IReadOnlyList<string> Of(SystemStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var warnings = new List<string>();
        if (status.Drift?.SharedListsWarning is { } shared)
        {
            warnings.Add(shared);
        }

        if (status.Lists is { HasWarnings: true } lists)
        {
            warnings.AddRange(lists.Warnings.Select(warning => warning.Text));
            warnings.Add(lists.RaiseLimit!);
            warnings.Add(lists.Sharding!);
        }

        warnings.AddRange(status.Drift?.OtherBackendWarnings ?? []);
        warnings.AddRange((status.RotationStalls ?? []).Select(stall => stall.Text));
        return warnings;
    }
}
