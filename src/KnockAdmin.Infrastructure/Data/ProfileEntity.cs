namespace KnockAdmin.Infrastructure.Data;

/// <summary>A stored knock profile. Ports are kept as JSON columns because they are always read and written whole.</summary>
public sealed class ProfileEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<StoredPort> Steps { get; set; } = [];

    public List<StoredPort> ProtectedPorts { get; set; } = [];

    public int StepTimeoutSeconds { get; set; }

    public int OpenWindowSeconds { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Static or rotating (<see cref="Core.Model.ProfileMode"/>).</summary>
    public Core.Model.ProfileMode Mode { get; set; }

    public int RotationPeriodSeconds { get; set; } = Core.Model.Rotation.DefaultPeriodSeconds;

    public int RotationLength { get; set; } = Core.Model.Rotation.DefaultLength;

    public int RotationPortRangeStart { get; set; } = Core.Model.Rotation.DefaultPortRangeStart;

    public int RotationPortRangeEnd { get; set; } = Core.Model.Rotation.DefaultPortRangeEnd;

    /// <summary>Raised by one on every save; a save based on an older version is refused as a conflict.</summary>
    public int Version { get; set; }
}
