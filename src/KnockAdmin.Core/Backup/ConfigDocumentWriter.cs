using System.Text.Json;
using System.Text.Json.Serialization;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Backup;

/// <summary>Writes a configuration as a backup document of the current schema.</summary>
public static class ConfigDocumentWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <param name="includeSecrets">Adds the <c>secrets</c> member, which stays empty: rotation secrets are never exported.</param>
    public static string Write(FirewallConfig config, string configVersion, DateTimeOffset exportedAt, bool includeSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        return JsonSerializer.Serialize(ToDocument(config, configVersion, exportedAt, includeSecrets), Options);
    }

    public static ConfigDocument ToDocument(FirewallConfig config, string configVersion, DateTimeOffset exportedAt, bool includeSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = config.Settings;
        return new ConfigDocument
        {
            SchemaVersion = ConfigDocumentSchema.Current,
            Product = ConfigDocumentSchema.Product,
            ExportedAt = exportedAt,
            ConfigVersion = configVersion,
            Settings = new SettingsDocument
            {
                PublicPorts = [.. settings.PublicPorts.Select(Port)],
                TrustedInterfaces = [.. settings.TrustedInterfaces],
                TrustedSources = [.. settings.TrustedSources],
                AcceptEstablished = settings.AcceptEstablished,
                Ipv6 = settings.Ipv6,
                Options = settings.Options,
            },
            Profiles = [.. config.Profiles.Select(profile => new ProfileDocument
            {
                Name = profile.Name,
                Steps = [.. profile.Steps.Select(Port)],
                ProtectedPorts = [.. profile.ProtectedPorts.Select(Port)],
                StepTimeoutSeconds = profile.StepTimeoutSeconds,
                OpenWindowSeconds = profile.OpenWindowSeconds,
                Enabled = profile.Enabled,
                Mode = profile.Mode == ProfileMode.Rotating ? "rotating" : "static",
                Rotation = new RotationDocument(
                    profile.Rotation.PeriodSeconds, profile.Rotation.Length, profile.Rotation.PortRangeStart, profile.Rotation.PortRangeEnd),
            })],
            Secrets = includeSecrets ? new SecretsDocument() : null,
        };
    }

    private static PortDocument? Port(PortSpec port) => new(port.Port, port.Protocol);
}
