using System.Text.Json.Serialization;
using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Web.Api;

/// <summary>Host settings sent by a client. Missing members take the model's defaults;
/// <see cref="Version"/> is required (0 before the settings were first saved).</summary>
public sealed record SettingsRequest
{
    public List<PortDto>? PublicPorts { get; init; }

    public List<string>? TrustedInterfaces { get; init; }

    public List<string>? TrustedSources { get; init; }

    public bool? AcceptEstablished { get; init; }

    public bool? Ipv6 { get; init; }

    /// <summary>Every option of the generator under its camelCase name; a missing one takes its default.</summary>
    public GeneratorOptions? Options { get; init; }

    public int? Version { get; init; }

    public HostSettings ToModel()
    {
        var defaults = new HostSettings();
        return new HostSettings
        {
            PublicPorts = PublicPorts?.Select(PortDto.ToModelOrNull).ToList() ?? defaults.PublicPorts,
            TrustedInterfaces = TrustedInterfaces?.Select(i => i ?? "").ToList() ?? defaults.TrustedInterfaces,
            TrustedSources = TrustedSources?.Select(s => s ?? "").ToList() ?? defaults.TrustedSources,
            AcceptEstablished = AcceptEstablished ?? defaults.AcceptEstablished,
            Ipv6 = Ipv6 ?? defaults.Ipv6,
            Options = Options ?? defaults.Options,
        };
    }
}

public sealed record SettingsResponse(
    int Version,
    IReadOnlyList<PortDto> PublicPorts,
    IReadOnlyList<string> TrustedInterfaces,
    IReadOnlyList<string> TrustedSources,
    bool AcceptEstablished,
    bool Ipv6,
    GeneratorOptions Options)
{
    /// <summary>In the answer to a change only: the warnings about the settings (large trusted networks, wildcards…).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IssueDto>? Warnings { get; init; }

    public static SettingsResponse From(StoredSettings stored) => new(
        stored.Version,
        stored.Settings.PublicPorts.Select(PortDto.From).ToList(),
        stored.Settings.TrustedInterfaces,
        stored.Settings.TrustedSources,
        stored.Settings.AcceptEstablished,
        stored.Settings.Ipv6,
        stored.Settings.Options);
}
