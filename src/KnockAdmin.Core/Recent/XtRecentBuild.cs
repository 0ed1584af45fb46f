namespace KnockAdmin.Core.Recent;

/// <summary>How xt_recent came into this kernel, which decides how <c>ip_list_tot</c> is raised.</summary>
public enum XtRecentBuild
{
    /// <summary>Not known (the module is not loaded, or /sys cannot be read).</summary>
    Unknown,

    /// <summary>Built into the kernel: only the kernel command line sets its parameters.</summary>
    BuiltIn,

    /// <summary>A loadable module: a modprobe option sets its parameters when it is loaded.</summary>
    Module,
}
