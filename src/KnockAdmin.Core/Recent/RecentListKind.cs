namespace KnockAdmin.Core.Recent;

public enum RecentListKind
{
    /// <summary>Addresses that completed some knocks of a current profile and wait for the next one.</summary>
    Stage,

    /// <summary>Addresses inside the open window of a current profile.</summary>
    Open,

    /// <summary>Addresses that completed a profile's sequence, one stamp per completion; read for the knock history only.</summary>
    Completions,

    /// <summary>An owned list name that the current configuration no longer uses (profile removed, disabled or shortened).</summary>
    Stale,

    /// <summary>Starts with the owned prefix but is not a list name KnockAdmin generates.</summary>
    Unknown,

    /// <summary>Belongs to someone else's rules.</summary>
    Foreign,
}
