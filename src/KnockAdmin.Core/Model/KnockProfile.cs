using System.Text.Json.Serialization;

namespace KnockAdmin.Core.Model;

/// <summary>One door: a secret sequence of knocks that opens the protected ports for the knocking address.</summary>
public sealed record KnockProfile
{
    public required string Name { get; init; }

    /// <summary>The knock sequence, in order.</summary>
    public required IReadOnlyList<PortSpec> Steps { get; init; }

    /// <summary>Ports that open for one new connection after a complete sequence.</summary>
    public required IReadOnlyList<PortSpec> ProtectedPorts { get; init; }

    /// <summary>Longest pause allowed between two knocks.</summary>
    public int StepTimeoutSeconds { get; init; } = 10;

    /// <summary>How long after the last knock the protected ports accept the new connection.</summary>
    public int OpenWindowSeconds { get; init; } = 30;

    public bool Enabled { get; init; } = true;

    /// <summary>Static: <see cref="Steps"/> is the sequence. Rotating: the sequence is derived every period and <see cref="Steps"/> is unused.</summary>
    public ProfileMode Mode { get; init; } = ProfileMode.Static;

    /// <summary>Period, length and port range of the derived sequences; only read when <see cref="Mode"/> is rotating.</summary>
    public Rotation Rotation { get; init; } = new();

    [JsonIgnore]
    public bool IsRotating => Mode == ProfileMode.Rotating;

    /// <summary>How many knocks open the door: the rotation's length for a rotating profile, else the number of steps.</summary>
    [JsonIgnore]
    public int SequenceLength => IsRotating ? Rotation.Length : Steps.Count;
}
