using System.Text.Json.Nodes;

namespace KnockAdmin.Web.Tests;

public sealed class PanelRuntimeSettingsTests
{
    /// <summary>
    /// The settings the runtime reads when the panel starts. A misspelt MSBuild property is silently ignored: the
    /// panel then ran the server collector, whose large per-core budgets kept tens of MiB of closed pages for minutes.
    /// </summary>
    private static JsonNode RuntimeProperties()
    {
        var assembly = typeof(KnockAdmin.Web.Panel.ClosedPagesMemory).Assembly.Location;
        var file = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        return JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;
    }

    [Fact]
    public void The_panel_runs_the_workstation_garbage_collector()
    {
        Assert.False(RuntimeProperties()["System.GC.Server"]!.GetValue<bool>());
    }
}
