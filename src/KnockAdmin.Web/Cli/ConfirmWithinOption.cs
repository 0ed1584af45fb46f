using System.CommandLine;

namespace KnockAdmin.Web.Cli;

/// <summary><c>--confirm-within S</c> of apply and rollback.</summary>
internal static class ConfirmWithinOption
{
    public static Option<int?> Create() => new("--confirm-within")
    {
        Description = "Seconds to confirm with 'KnockAdmin confirm' before the previous rules are restored automatically; "
            + "0 keeps the new rules without asking. Default: Apply:ConfirmWithinSeconds (60).",
    };
}
