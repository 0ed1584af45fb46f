namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>How applies behave. Bound from the "Apply" configuration section.</summary>
public sealed class ApplyOptions
{
    public const string Section = "Apply";

    /// <summary>Default confirmation window after an apply or rollback; 0 keeps the new rules without asking.</summary>
    public int ConfirmWithinSeconds { get; set; } = 60;

    /// <summary>Longest confirmation window an apply may ask for.</summary>
    public int MaxConfirmWithinSeconds { get; set; } = 3600;

    /// <summary>At start-up, put the active confirmed revision back into the kernel when it is not there (after a reboot).</summary>
    public bool ReapplyOnStart { get; set; }

    /// <summary>How often the live rules are compared with the active revision.</summary>
    public int DriftCheckSeconds { get; set; } = 15;
}
