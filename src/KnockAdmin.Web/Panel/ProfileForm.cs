using System.Security.Cryptography;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Proposals;

namespace KnockAdmin.Web.Panel;

/// <summary>A profile while it is being edited: mutable, so form fields can bind to it.</summary>
public sealed class ProfileForm
{
    public string Name { get; set; } = "";

    public List<PortRow> Steps { get; set; } = [];

    public List<PortRow> ProtectedPorts { get; set; } = [];

    public int StepTimeoutSeconds { get; set; } = 10;

    public int OpenWindowSeconds { get; set; } = 30;

    public bool Enabled { get; set; } = true;

    public ProfileMode Mode { get; set; } = ProfileMode.Static;

    public int PeriodSeconds { get; set; } = Rotation.DefaultPeriodSeconds;

    public int RotationLength { get; set; } = Rotation.DefaultLength;

    public int PortRangeStart { get; set; } = Rotation.DefaultPortRangeStart;

    public int PortRangeEnd { get; set; } = Rotation.DefaultPortRangeEnd;

    public bool IsRotating => Mode == ProfileMode.Rotating;

    /// <summary>A fresh profile that is valid as it stands: a free name and three random free knocks opening SSH.</summary>
    public static ProfileForm New(FirewallConfig config) => new()
    {
        Name = KnockSequenceProposal.ProposeName(config),
        Steps = PortRow.From(KnockSequenceProposal.Propose(config, 3, SecretDraw)),
        ProtectedPorts = [new PortRow { Port = 22 }],
    };

    /// <summary>A copy of <paramref name="profile"/> under a free name, with a sequence of its own (two profiles cannot share knocks).</summary>
    public static ProfileForm CloneOf(KnockProfile profile, FirewallConfig config)
    {
        var copy = From(profile);
        copy.Name = KnockSequenceProposal.ProposeName(config, profile.Name + "_copy");
        copy.Steps = PortRow.From(KnockSequenceProposal.Propose(config, Math.Max(1, profile.Steps.Count), SecretDraw));
        return copy;
    }

    /// <summary>New random knocks for this profile (the one at <paramref name="index"/> in <paramref name="config"/>), as many as it has.</summary>
    public void ShuffleSteps(FirewallConfig config, int index) =>
        Steps = PortRow.From(KnockSequenceProposal.Propose(config, Math.Max(1, Steps.Count), SecretDraw, index));

    /// <summary>Whether the steps only rise or only fall, and another order of the same ports would fix it.</summary>
    public bool CanMixSteps => Steps.All(row => row.Port is >= 1 and <= 65535) && KnockSequenceProposal.CanMix(ToProfile().Steps);

    /// <summary>The same steps in an order that a sequential port scan does not walk.</summary>
    public void MixSteps() => Steps = PortRow.From(KnockSequenceProposal.Mix(ToProfile().Steps, SecretDraw));

    // A knock sequence is a secret: drawn from the operating system's generator, never from a seeded one.
    private static int SecretDraw(int min, int max) => RandomNumberGenerator.GetInt32(min, max);

    public static ProfileForm From(KnockProfile profile) => new()
    {
        Name = profile.Name,
        Steps = PortRow.From(profile.Steps),
        ProtectedPorts = PortRow.From(profile.ProtectedPorts),
        StepTimeoutSeconds = profile.StepTimeoutSeconds,
        OpenWindowSeconds = profile.OpenWindowSeconds,
        Enabled = profile.Enabled,
        Mode = profile.Mode,
        PeriodSeconds = profile.Rotation.PeriodSeconds,
        RotationLength = profile.Rotation.Length,
        PortRangeStart = profile.Rotation.PortRangeStart,
        PortRangeEnd = profile.Rotation.PortRangeEnd,
    };

    public KnockProfile ToProfile() => new()
    {
        Name = Name.Trim(),
        Steps = PortRow.ToSpecs(Steps),
        ProtectedPorts = PortRow.ToSpecs(ProtectedPorts),
        StepTimeoutSeconds = StepTimeoutSeconds,
        OpenWindowSeconds = OpenWindowSeconds,
        Enabled = Enabled,
        Mode = Mode,
        // The steps a rotating profile keeps are unused but kept, so switching back to static finds them again.
        Rotation = new Rotation { PeriodSeconds = PeriodSeconds, Length = RotationLength, PortRangeStart = PortRangeStart, PortRangeEnd = PortRangeEnd },
    };
}
