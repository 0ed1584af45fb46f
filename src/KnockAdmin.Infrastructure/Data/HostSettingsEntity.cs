namespace KnockAdmin.Infrastructure.Data;

/// <summary>The host-wide settings; there is at most one row, with <see cref="SingletonId"/>.</summary>
public sealed class HostSettingsEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public List<StoredPort> PublicPorts { get; set; } = [];

    public List<string> TrustedInterfaces { get; set; } = [];

    public List<string> TrustedSources { get; set; } = [];

    public bool AcceptEstablished { get; set; }

    public bool Ipv6 { get; set; }

    public bool TolerateRepeatedStep { get; set; }

    public bool SynOnly { get; set; }

    public bool AnswerAsClosedPort { get; set; }

    public bool LogKnocks { get; set; }

    /// <summary>Lists per first stage; rows stored before this setting existed get the default.</summary>
    public int FirstKnockShards { get; set; } = Core.Model.GeneratorOptions.DefaultFirstKnockShards;

    /// <summary>Raised by one on every save; a save based on an older version is refused as a conflict.</summary>
    public int Version { get; set; }
}
