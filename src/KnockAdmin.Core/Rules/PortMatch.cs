using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Rules;

/// <summary>The match for one port, in iptables-save form: <c>-p tcp -m tcp --dport 22</c>.</summary>
internal static class PortMatch
{
    public static string For(PortSpec port) => $"-p {port.Protocol} -m {port.Protocol} --dport {port.Port}";
}
