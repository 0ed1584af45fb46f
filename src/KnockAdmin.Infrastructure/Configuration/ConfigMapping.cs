using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Copies between stored entities and the core model.</summary>
public static class ConfigMapping
{
    public static KnockProfile ToModel(this ProfileEntity entity) => new()
    {
        Name = entity.Name,
        Steps = entity.Steps.Select(ToModel).ToList(),
        ProtectedPorts = entity.ProtectedPorts.Select(ToModel).ToList(),
        StepTimeoutSeconds = entity.StepTimeoutSeconds,
        OpenWindowSeconds = entity.OpenWindowSeconds,
        Enabled = entity.Enabled,
        Mode = entity.Mode,
        Rotation = new Rotation
        {
            PeriodSeconds = entity.RotationPeriodSeconds,
            Length = entity.RotationLength,
            PortRangeStart = entity.RotationPortRangeStart,
            PortRangeEnd = entity.RotationPortRangeEnd,
        },
    };

    public static StoredProfile ToStored(this ProfileEntity entity) => new(entity.Id, entity.Version, entity.ToModel());

    /// <summary>Copies the model's values into the entity; id and version are left alone.</summary>
    public static void CopyFrom(this ProfileEntity entity, KnockProfile profile)
    {
        entity.Name = profile.Name;
        entity.Steps = profile.Steps.Select(ToStored).ToList();
        entity.ProtectedPorts = profile.ProtectedPorts.Select(ToStored).ToList();
        entity.StepTimeoutSeconds = profile.StepTimeoutSeconds;
        entity.OpenWindowSeconds = profile.OpenWindowSeconds;
        entity.Enabled = profile.Enabled;
        entity.Mode = profile.Mode;
        entity.RotationPeriodSeconds = profile.Rotation.PeriodSeconds;
        entity.RotationLength = profile.Rotation.Length;
        entity.RotationPortRangeStart = profile.Rotation.PortRangeStart;
        entity.RotationPortRangeEnd = profile.Rotation.PortRangeEnd;
    }

    public static ProfileEntity ToEntity(this KnockProfile profile)
    {
        var entity = new ProfileEntity { Name = profile.Name };
        entity.CopyFrom(profile);
        return entity;
    }

    public static HostSettings ToModel(this HostSettingsEntity entity) => new()
    {
        PublicPorts = entity.PublicPorts.Select(ToModel).ToList(),
        TrustedInterfaces = entity.TrustedInterfaces.ToList(),
        TrustedSources = entity.TrustedSources.ToList(),
        AcceptEstablished = entity.AcceptEstablished,
        Ipv6 = entity.Ipv6,
        Options = entity.Options,
    };

    /// <summary>Copies the model's values into the entity; the version is left alone.</summary>
    public static void CopyFrom(this HostSettingsEntity entity, HostSettings settings)
    {
        entity.PublicPorts = settings.PublicPorts.Select(ToStored).ToList();
        entity.TrustedInterfaces = settings.TrustedInterfaces.ToList();
        entity.TrustedSources = settings.TrustedSources.ToList();
        entity.AcceptEstablished = settings.AcceptEstablished;
        entity.Ipv6 = settings.Ipv6;
        entity.Options = settings.Options;
    }

    public static PortSpec ToModel(this StoredPort port) => new(port.Port, port.Protocol);

    public static StoredPort ToStored(this PortSpec port) => new(port.Port, port.Protocol);
}
