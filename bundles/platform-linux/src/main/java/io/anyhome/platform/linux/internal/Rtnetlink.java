package io.anyhome.platform.linux.internal;

/**
 * The numbers of rtnetlink ({@code linux/rtnetlink.h}, {@code if_link.h}, {@code if_addr.h},
 * {@code neighbour.h}, {@code fib_rules.h}): message types, fixed-header layouts and attribute
 * types. Shared by {@link RtnetlinkDecoder} and {@link RtnetlinkRequests}.
 *
 * <pre>
 * ifinfomsg (16): family u8, pad u8, type u16, index s32, flags u32, change u32
 * ifaddrmsg (8):  family u8, prefixlen u8, flags u8, scope u8, index u32
 * rtmsg (12):     family u8, dst_len u8, src_len u8, tos u8, table u8, protocol u8, scope u8,
 *                 type u8, flags u32
 * fib_rule_hdr (12): family u8, dst_len u8, src_len u8, tos u8, table u8, res1 u8, res2 u8,
 *                 action u8, flags u32
 * ndmsg (12):     family u8, pad u8, pad u16, ifindex s32, state u16, flags u8, type u8
 * rtnl_link_stats64 (IFLA_STATS64, 192 or more): rx_packets u64, tx_packets u64, rx_bytes u64,
 *                 tx_bytes u64, rx_errors u64, tx_errors u64, ... (host order)
 * </pre>
 */
final class Rtnetlink {
    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_SETLINK = 19;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;
    static final int RTM_NEWNEIGH = 28;
    static final int RTM_DELNEIGH = 29;
    static final int RTM_GETNEIGH = 30;
    static final int RTM_NEWRULE = 32;
    static final int RTM_DELRULE = 33;

    static final int IFINFOMSG_LENGTH = 16;
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_STATS64 = 23;
    static final int IFLA_CARRIER = 33;
    static final int IFLA_INFO_KIND = 1;
    static final int IFF_UP = 0x1;
    static final int IFF_LOWER_UP = 0x10000;

    static final int IFADDRMSG_LENGTH = 8;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_CACHEINFO = 6;
    static final int IFA_FLAGS = 8;
    static final int IFA_F_NODAD = 0x02;
    static final int IFA_F_OPTIMISTIC = 0x04;
    static final int IFA_F_DADFAILED = 0x08;
    static final int IFA_F_DEPRECATED = 0x20;
    static final int IFA_F_TENTATIVE = 0x40;
    static final int IFA_F_PERMANENT = 0x80;
    static final int INFINITY_LIFE_TIME = 0xffffffff;

    static final int RTMSG_LENGTH = 12;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_TABLE = 15;
    static final int RTN_UNICAST = 1;
    static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_LINK = 253;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTM_F_CLONED = 0x200;

    static final int FIB_RULE_HDR_LENGTH = 12;
    static final int FRA_SRC = 2;
    static final int FRA_PRIORITY = 6;
    static final int FRA_TABLE = 15;
    static final int FR_ACT_TO_TBL = 1;

    static final int NDMSG_LENGTH = 12;
    static final int NDA_DST = 1;
    static final int NDA_LLADDR = 2;
    static final int NTF_PROXY = 0x08;
    static final int NTF_ROUTER = 0x80;
    static final int NUD_INCOMPLETE = 0x01;
    static final int NUD_REACHABLE = 0x02;
    static final int NUD_STALE = 0x04;
    static final int NUD_DELAY = 0x08;
    static final int NUD_PROBE = 0x10;
    static final int NUD_FAILED = 0x20;
    static final int NUD_NOARP = 0x40;
    static final int NUD_PERMANENT = 0x80;

    /** Multicast groups, as {@code RTNLGRP_*} numbers (bit {@code n - 1} of the bind mask). */
    static final int RTNLGRP_LINK = 1;
    static final int RTNLGRP_NEIGH = 3;
    static final int RTNLGRP_IPV4_IFADDR = 5;
    static final int RTNLGRP_IPV4_ROUTE = 7;
    static final int RTNLGRP_IPV6_IFADDR = 9;
    static final int RTNLGRP_IPV6_ROUTE = 11;

    private Rtnetlink() {
    }

    /**
     * @param groups {@code RTNLGRP_*} numbers below 33
     * @return the legacy bind mask
     */
    static int groupMask(int... groups) {
        int mask = 0;
        for (int g : groups) {
            mask |= 1 << (g - 1);
        }
        return mask;
    }
}
