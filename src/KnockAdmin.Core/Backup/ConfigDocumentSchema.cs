using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Backup;

/// <summary>
/// The versions of the backup document and the step that upgrades each to the next. A document of version N is
/// upgraded N→N+1→… up to <see cref="Current"/> before it is read, so every old version keeps importing.
/// </summary>
/// <remarks>
/// Version 1: the configuration as KnockAdmin stored it before the first knock could be spread over several lists
/// (no <c>settings.options.firstKnockShards</c>). Version 2: with it. Version 3 (current): every profile has a
/// <c>mode</c> and <c>rotation</c> settings; rotation secrets are never exported.
/// </remarks>
public static class ConfigDocumentSchema
{
    public const string Product = "KnockAdmin";

    public const int Current = 3;

    /// <summary>Upgrades from the key version to the next, on the raw JSON so old member names can still be renamed.</summary>
    internal static IReadOnlyDictionary<int, Action<JsonObject>> Upgrades { get; } = new Dictionary<int, Action<JsonObject>>
    {
        [1] = FromVersion1,
        [2] = FromVersion2,
    };

    /// <summary>Profiles of version 2 were all static, with the rotation settings the database migration gave them.</summary>
    private static void FromVersion2(JsonObject document)
    {
        foreach (var profile in (document["profiles"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!profile.ContainsKey("mode"))
            {
                profile["mode"] = "static";
            }

            if (!profile.ContainsKey("rotation"))
            {
                var defaults = new Rotation();
                profile["rotation"] = new JsonObject
                {
                    ["periodSeconds"] = defaults.PeriodSeconds,
                    ["length"] = defaults.Length,
                    ["portRangeStart"] = defaults.PortRangeStart,
                    ["portRangeEnd"] = defaults.PortRangeEnd,
                };
            }
        }
    }

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
