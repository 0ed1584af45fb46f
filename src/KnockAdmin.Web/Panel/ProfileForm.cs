using KnockAdmin.Core.Model;

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

    /// <summary>A fresh profile: three knocks opening SSH, which the admin then changes.</summary>
    public static ProfileForm New() => new()
    {
        Steps = [new PortRow { Port = 0 }, new PortRow { Port = 0 }, new PortRow { Port = 0 }],
        ProtectedPorts = [new PortRow { Port = 22 }],
    };

    public static ProfileForm From(KnockProfile profile) => new()
    {
        Name = profile.Name,
        Steps = PortRow.From(profile.Steps),
        ProtectedPorts = PortRow.From(profile.ProtectedPorts),
        StepTimeoutSeconds = profile.StepTimeoutSeconds,
        OpenWindowSeconds = profile.OpenWindowSeconds,
        Enabled = profile.Enabled,
    };

    public KnockProfile ToProfile() => new()
    {
        Name = Name.Trim(),
        Steps = PortRow.ToSpecs(Steps),
        ProtectedPorts = PortRow.ToSpecs(ProtectedPorts),
        StepTimeoutSeconds = StepTimeoutSeconds,
        OpenWindowSeconds = OpenWindowSeconds,
        Enabled = Enabled,
    };
}
