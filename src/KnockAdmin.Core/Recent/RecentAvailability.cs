namespace KnockAdmin.Core.Recent;

public enum RecentAvailability
{
    /// <summary>The lists were read (there may be none yet).</summary>
    Available,

    /// <summary>The process lacks the privileges to read the lists or the kernel clock.</summary>
    NotPermitted,

    /// <summary>There is no xt_recent directory: the module is not loaded, or the namespace is gone.</summary>
    Missing,
}
