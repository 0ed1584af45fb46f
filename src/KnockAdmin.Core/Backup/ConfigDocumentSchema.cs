using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Backup;

/// <summary>
/// The versions of the backup document and the step that upgrades each to the next. A document of version N is
/// upgraded N→N+1→… up to <see cref="Current"/> before it is read, so every old version keeps importing.
/// </summary>
/// <remarks>
/// Version 1: the configuration as KnockAdmin stored it before the first knock could be spread over several lists
/// (no <c>settings.options.firstKnockShards</c>). Version 2 (current): with it. A later version with rotating
/// sequences adds its settings (and their secrets under <c>secrets</c>) and an upgrade step from 2.
/// </remarks>
public static class ConfigDocumentSchema
{
    public const string Product = "KnockAdmin";

    public const int Current = 2;

    /// <summary>Upgrades from the key version to the next, on the raw JSON so old member names can still be renamed.</summary>
    internal static IReadOnlyDictionary<int, Action<JsonObject>> Upgrades { get; } = new Dictionary<int, Action<JsonObject>>
    {
        [1] = FromVersion1,
    };

    /// <summary>
    /// Settings of version 1 were written before the split existed: they get the generator's default, as the database
    /// migration gave every stored configuration of that time, so an imported old backup generates what an upgraded
    /// installation generates.
    /// </summary>
    private static void FromVersion1(JsonObject document)
    {
        if (document["settings"] is JsonObject settings && settings["options"] is JsonObject options && !options.ContainsKey("firstKnockShards"))
        {
            options["firstKnockShards"] = GeneratorOptions.DefaultFirstKnockShards;
        }
    }
}
