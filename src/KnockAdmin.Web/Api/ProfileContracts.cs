using System.Text.Json.Serialization;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Web.Api;

/// <summary>A profile sent by a client. Missing numbers and flags take the model's defaults;
/// <see cref="Version"/> is required on update.</summary>
public sealed record ProfileRequest
{
    public string? Name { get; init; }

    public List<PortDto>? Steps { get; init; }

    public List<PortDto>? ProtectedPorts { get; init; }

    public int? StepTimeoutSeconds { get; init; }

    public int? OpenWindowSeconds { get; init; }

    public bool? Enabled { get; init; }

    /// <summary><c>static</c> (the default) or <c>rotating</c>.</summary>
    public ProfileMode? Mode { get; init; }

    /// <summary>The rotation settings; missing numbers take their defaults.</summary>
    public RotationDto? Rotation { get; init; }

    /// <summary>The version the edit is based on, as last received from the API.</summary>
    public int? Version { get; init; }

    public KnockProfile ToModel()
    {
        var defaults = new KnockProfile { Name = "", Steps = [], ProtectedPorts = [] };
        return new KnockProfile
        {
            Name = Name ?? "",
            Steps = (Steps ?? []).Select(PortDto.ToModelOrNull).ToList(),
            ProtectedPorts = (ProtectedPorts ?? []).Select(PortDto.ToModelOrNull).ToList(),
            StepTimeoutSeconds = StepTimeoutSeconds ?? defaults.StepTimeoutSeconds,
            OpenWindowSeconds = OpenWindowSeconds ?? defaults.OpenWindowSeconds,
            Enabled = Enabled ?? defaults.Enabled,
            Mode = Mode ?? defaults.Mode,
            Rotation = Rotation?.ToModel() ?? defaults.Rotation,
        };
    }
}

/// <summary>A rotating profile's settings in API JSON: <c>{"periodSeconds": 60, "length": 4, "portRangeStart": 10000, "portRangeEnd": 65000}</c>.</summary>
public sealed record RotationDto(int? PeriodSeconds, int? Length, int? PortRangeStart, int? PortRangeEnd)
{
    public static RotationDto From(Rotation rotation) => new(rotation.PeriodSeconds, rotation.Length, rotation.PortRangeStart, rotation.PortRangeEnd);

    public Rotation ToModel()
    {
        var defaults = new Rotation();
        return new Rotation
        {
            PeriodSeconds = PeriodSeconds ?? defaults.PeriodSeconds,
            Length = Length ?? defaults.Length,
            PortRangeStart = PortRangeStart ?? defaults.PortRangeStart,
            PortRangeEnd = PortRangeEnd ?? defaults.PortRangeEnd,
        };
    }
}

/// <summary>A stored profile with its id and the version to send back with an update.</summary>
public sealed record ProfileResponse(
    int Id,
    int Version,
    string Name,
    IReadOnlyList<PortDto> Steps,
    IReadOnlyList<PortDto> ProtectedPorts,
    int StepTimeoutSeconds,
    int OpenWindowSeconds,
    bool Enabled,
    ProfileMode Mode,
    RotationDto Rotation)
{
    /// <summary>In the answer to a change only: the warnings about the profile and about the profiles as a whole.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IssueDto>? Warnings { get; init; }

    public static ProfileResponse From(StoredProfile stored) => new(
        stored.Id,
        stored.Version,
        stored.Profile.Name,
        stored.Profile.Steps.Select(PortDto.From).ToList(),
        stored.Profile.ProtectedPorts.Select(PortDto.From).ToList(),
        stored.Profile.StepTimeoutSeconds,
        stored.Profile.OpenWindowSeconds,
        stored.Profile.Enabled,
        stored.Profile.Mode,
        RotationDto.From(stored.Profile.Rotation));
}
