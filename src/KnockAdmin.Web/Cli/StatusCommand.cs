using System.CommandLine;
using System.Text.Json;
using KnockAdmin.Infrastructure.Status;

namespace KnockAdmin.Web.Cli;

/// <summary><c>status</c>: the firewall backend and privileges, the active revision, a pending deadline, and drift.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print the status as one JSON document, the same as GET /api/status returns (for scripts and rollouts).",
        };
        var command = new Command("status",
            "Show the firewall backend and what stands in the way of applying, the active revision, a pending confirmation deadline and drift.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var status = await services.GetRequiredService<SystemStatusReader>().ReadAsync(ct);
            if (parseResult.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(Api.StatusResponse.From(status), Api.ApiJson.Options));
                return ExitCodes.Success;
            }

            foreach (var line in Lines(status, services.GetRequiredService<TimeProvider>().GetUtcNow()))
            {
                await context.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static IEnumerable<string> Lines(SystemStatus status, DateTimeOffset now)
    {
        var backend = status.Backend;
        yield return $"Backend: iptables {backend.Variant ?? "not found"} (IPv4 tools: {YesNo(backend.Ipv4Tools)}, IPv6 tools: {YesNo(backend.Ipv6Tools)})";
        if (status.NetworkNamespace is not null)
        {
            yield return $"Network namespace: {status.NetworkNamespace}";
        }

        yield return backend.CanApply ? "Applying: possible" : "Applying: NOT possible";
        foreach (var problem in backend.Problems)
        {
            yield return $"  Problem: {problem}";
        }

        yield return status.Active is { } active ? $"Active: {RevisionText.Describe(active)}" : "Active: no revision applied yet";
        if (status.Applying is { } applying)
        {
            yield return $"Applying: {RevisionText.Describe(applying)}; if the process applying it stopped, recovery (the watchdog, the panel, "
                + "or 'KnockAdmin recover') restores the rules from before it.";
        }

        if (status.PendingDeadline is { } deadline)
        {
            var left = Math.Max(0, (int)Math.Ceiling((deadline - now).TotalSeconds));
            yield return $"Pending confirmation: revision {status.Active!.Id} until {RevisionText.Time(deadline)} ({left} s left); "
                + $"'KnockAdmin confirm {status.Active.Id}' keeps it, otherwise the previous rules come back.";
        }

        if (status.DriftError is not null)
        {
            yield return $"Drift: not checked: {status.DriftError}";
        }
        else if (status.Drift is null)
        {
            yield return "Drift: nothing to compare (no active revision)";
        }
        else if (!status.Drift.HasDrift)
        {
            yield return "Drift: none, the live rules match the active revision";
        }
        else
        {
            yield return "Drift: DETECTED, the live rules differ from the active revision (- live, + expected):";
            foreach (var line in status.Drift.Describe().Split('\n'))
            {
                yield return "  " + line;
            }
        }

        if (status.Lists is { } lists)
        {
            var full = lists.Fill.Count(list => list.IsFull);
            yield return $"Recent lists: {lists.Fill.Count} of KnockAdmin's, {full} full"
                + (lists.Capacity is { } capacity ? $"; each keeps {capacity} addresses (ip_list_tot, {BuildText(lists.Build)})" : "");
        }
        else if (status.ListsError is not null)
        {
            yield return $"Recent lists: not read: {status.ListsError}";
        }

        foreach (var warning in Api.StatusWarnings.Of(status))
        {
            yield return $"Warning: {warning}";
        }
    }

    private static string BuildText(Core.Recent.XtRecentBuild build) => build switch
    {
        Core.Recent.XtRecentBuild.BuiltIn => "xt_recent built into the kernel",
        Core.Recent.XtRecentBuild.Module => "xt_recent as a module",
        _ => "xt_recent build unknown",
    };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
