namespace KnockAdmin.Core.Rules;

/// <summary>iptables (IPv4) or ip6tables (IPv6): each has its own ruleset and its own restore/save tools.</summary>
public enum IpFamily
{
    V4,
    V6,
}
