namespace KnockAdmin.Infrastructure.Recent;

public enum RecentListActionFailure
{
    /// <summary>The list is not one KnockAdmin owns.</summary>
    NotOwned,

    /// <summary>The list does not exist in the kernel.</summary>
    ListMissing,

    /// <summary>The address is not a valid IPv4 or IPv6 address.</summary>
    BadAddress,

    /// <summary>Not root and no CAP_NET_ADMIN.</summary>
    NotPermitted,

    /// <summary>The kernel refused the write, or the namespace cannot be entered.</summary>
    Refused,
}
