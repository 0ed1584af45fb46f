using KnockAdmin.Core.Model;

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

    /// <summary>
    /// The generator options in one JSON column: an option added to the model needs no migration, and an option a
    /// stored row does not mention takes the model's default.
    /// </summary>
    public GeneratorOptions Options { get; set; } = new();

    /// <summary>Raised by one on every save; a save based on an older version is refused as a conflict.</summary>
    public int Version { get; set; }
}
