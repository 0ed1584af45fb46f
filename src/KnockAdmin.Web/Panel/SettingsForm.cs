using KnockAdmin.Core.Model;

namespace KnockAdmin.Web.Panel;

/// <summary>The host settings while they are being edited. Lists of names are edited one per line.</summary>
public sealed class SettingsForm
{
    public List<PortRow> PublicPorts { get; set; } = [];

    public string TrustedInterfaces { get; set; } = "";

    public string TrustedSources { get; set; } = "";

    public bool AcceptEstablished { get; set; }

    public bool Ipv6 { get; set; }

    /// <summary>Edited whole: the settings page sets one option at a time through <see cref="GeneratorOptionFields"/>.</summary>
    public GeneratorOptions Options { get; set; } = new();

    public static SettingsForm From(HostSettings settings) => new()
    {
        PublicPorts = PortRow.From(settings.PublicPorts),
        TrustedInterfaces = string.Join('\n', settings.TrustedInterfaces),
        TrustedSources = string.Join('\n', settings.TrustedSources),
        AcceptEstablished = settings.AcceptEstablished,
        Ipv6 = settings.Ipv6,
        Options = settings.Options,
    };

    public HostSettings ToSettings() => new()
    {
        PublicPorts = PortRow.ToSpecs(PublicPorts),
        TrustedInterfaces = Lines(TrustedInterfaces),
        TrustedSources = Lines(TrustedSources),
        AcceptEstablished = AcceptEstablished,
        Ipv6 = Ipv6,
        Options = Options,
    };

    private static List<string> Lines(string text) =>
        text.Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
