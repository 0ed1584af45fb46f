using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>
/// Rules someone else owns (a fail2ban-like chain, in both families), as on a real host. They must survive every
/// apply and revert untouched, and they make "the rules from before" a non-empty ruleset in both families.
/// </summary>
public static class ForeignRules
{
    private const string Rules = "*filter\n:f2b-sshd - [0:0]\n-A f2b-sshd -j RETURN\n-A INPUT -p tcp -m tcp --dport 22 -j f2b-sshd\nCOMMIT\n";

    public static async Task LoadAsync(NamespacePair pair)
    {
        await pair.RestoreAsync(Rules);
        await pair.RestoreAsync(Rules, ipv6: true);
    }
}
