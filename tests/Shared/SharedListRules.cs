namespace KnockAdmin.Tests.Shared;

/// <summary>
/// The tutorial's door as the generator wrote it before IPv4 and IPv6 had lists of their own: both families name
/// KA-ssh-S1, KA-ssh-S2 and KA-ssh-OPEN, so the kernel gives each list the mask of whichever rule created it.
/// What an upgrade finds in the kernel, byte for byte as iptables-save printed it.
/// </summary>
public static class SharedListRules
{
    public const string V4 = """
        *filter
        :KA-INPUT - [0:0]
        :KA-REFUSE - [0:0]
        :KA-ssh-G1 - [0:0]
        :KA-ssh-G2 - [0:0]
        :KA-ssh-G3 - [0:0]
        :KA-ssh-K - [0:0]
        :KA-ssh-OPEN - [0:0]
        -A INPUT -j KA-INPUT
        -A KA-INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A KA-INPUT -i lo -j ACCEPT
        -A KA-INPUT -p tcp -m tcp --dport 80 -j ACCEPT
        -A KA-INPUT -j KA-ssh-K
        -A KA-INPUT -j KA-REFUSE
        -A KA-REFUSE -j DROP
        -A KA-ssh-G1 -p tcp -m tcp --dport 1111 -m recent --set --name KA-ssh-S1 --mask 255.255.255.255 --rsource -j KA-REFUSE
        -A KA-ssh-G2 -m recent --remove --name KA-ssh-S1 --mask 255.255.255.255 --rsource
        -A KA-ssh-G2 -p tcp -m tcp --dport 2222 -m recent --set --name KA-ssh-S2 --mask 255.255.255.255 --rsource -j KA-REFUSE
        -A KA-ssh-G2 -g KA-ssh-G1
        -A KA-ssh-G3 -m recent --remove --name KA-ssh-S2 --mask 255.255.255.255 --rsource
        -A KA-ssh-G3 -p tcp -m tcp --dport 3333 -m recent --set --name KA-ssh-OPEN --mask 255.255.255.255 --rsource -j KA-REFUSE
        -A KA-ssh-G3 -g KA-ssh-G1
        -A KA-ssh-K -m recent --rcheck --seconds 30 --name KA-ssh-OPEN --mask 255.255.255.255 --rsource -g KA-ssh-OPEN
        -A KA-ssh-K -m recent --rcheck --seconds 10 --name KA-ssh-S2 --mask 255.255.255.255 --rsource -g KA-ssh-G3
        -A KA-ssh-K -m recent --rcheck --seconds 10 --name KA-ssh-S1 --mask 255.255.255.255 --rsource -g KA-ssh-G2
        -A KA-ssh-K -g KA-ssh-G1
        -A KA-ssh-OPEN -m recent --remove --name KA-ssh-OPEN --mask 255.255.255.255 --rsource
        -A KA-ssh-OPEN -p tcp -m tcp --dport 22 -j ACCEPT
        -A KA-ssh-OPEN -g KA-ssh-G1
        COMMIT

        """;

    public const string V6 = """
        *filter
        :KA-INPUT - [0:0]
        :KA-REFUSE - [0:0]
        :KA-ssh-G1 - [0:0]
        :KA-ssh-G2 - [0:0]
        :KA-ssh-G3 - [0:0]
        :KA-ssh-K - [0:0]
        :KA-ssh-OPEN - [0:0]
        -A INPUT -j KA-INPUT
        -A KA-INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A KA-INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 133 -j ACCEPT
        -A KA-INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 134 -j ACCEPT
        -A KA-INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j ACCEPT
        -A KA-INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 136 -j ACCEPT
        -A KA-INPUT -i lo -j ACCEPT
        -A KA-INPUT -p tcp -m tcp --dport 80 -j ACCEPT
        -A KA-INPUT -j KA-ssh-K
        -A KA-INPUT -j KA-REFUSE
        -A KA-REFUSE -j DROP
        -A KA-ssh-G1 -p tcp -m tcp --dport 1111 -m recent --set --name KA-ssh-S1 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j KA-REFUSE
        -A KA-ssh-G2 -m recent --remove --name KA-ssh-S1 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource
        -A KA-ssh-G2 -p tcp -m tcp --dport 2222 -m recent --set --name KA-ssh-S2 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j KA-REFUSE
        -A KA-ssh-G2 -g KA-ssh-G1
        -A KA-ssh-G3 -m recent --remove --name KA-ssh-S2 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource
        -A KA-ssh-G3 -p tcp -m tcp --dport 3333 -m recent --set --name KA-ssh-OPEN --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j KA-REFUSE
        -A KA-ssh-G3 -g KA-ssh-G1
        -A KA-ssh-K -m recent --rcheck --seconds 30 --name KA-ssh-OPEN --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -g KA-ssh-OPEN
        -A KA-ssh-K -m recent --rcheck --seconds 10 --name KA-ssh-S2 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -g KA-ssh-G3
        -A KA-ssh-K -m recent --rcheck --seconds 10 --name KA-ssh-S1 --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -g KA-ssh-G2
        -A KA-ssh-K -g KA-ssh-G1
        -A KA-ssh-OPEN -m recent --remove --name KA-ssh-OPEN --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource
        -A KA-ssh-OPEN -p tcp -m tcp --dport 22 -j ACCEPT
        -A KA-ssh-OPEN -g KA-ssh-G1
        COMMIT

        """;
}
