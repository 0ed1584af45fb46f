using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Sequences;

namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>The tutorial's door next to a rotating one ("rot", 4 knocks every 60 s → tcp/2222), and its secret.</summary>
public static class RotatingConfigs
{
    public const int Period = 60;

    public const int ProtectedPort = 2200;

    /// <summary>2023-11-14 22:13:20 UTC: period 28333333.</summary>
    public const long Moment = 1700000000;

    public static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3))];

    public static KnockProfile Rotating { get; } = new()
    {
        Name = "rot",
        Steps = [],
        ProtectedPorts = [PortSpec.Tcp(ProtectedPort)],
        Mode = ProfileMode.Rotating,
        Rotation = new Rotation { PeriodSeconds = Period, Length = 4 },
    };

    public static FirewallConfig WithTutorial(int stepTimeoutSeconds = 10) => Configs.Tutorial() with
    {
        Profiles = [Configs.Tutorial().Profiles[0], Rotating with { StepTimeoutSeconds = stepTimeoutSeconds }],
    };

    public static RotationContext At(long unixSeconds) => new(unixSeconds, new Dictionary<string, byte[]> { ["rot"] = Secret });

    /// <summary>The period <paramref name="offset"/> periods after the one of <see cref="Moment"/>, as a moment inside it.</summary>
    public static long MomentOf(int offset) => Moment + (offset * (long)Period);

    public static long PeriodOf(int offset) => RotatingSequence.PeriodAt(MomentOf(offset), Period);

    /// <summary>The knock ports of the period <paramref name="offset"/> periods after the one of <see cref="Moment"/>.</summary>
    public static string[] Ports(int offset) =>
        [.. RotatingSequence.Ports(Secret, Rotating.Rotation, PeriodOf(offset)).Select(port => port.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
