package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.NetlinkMessage.NLM_F_CREATE;
import static io.anyhome.platform.linux.internal.NetlinkMessage.NLM_F_DUMP;
import static io.anyhome.platform.linux.internal.NetlinkMessage.NLM_F_EXCL;
import static io.anyhome.platform.linux.internal.NetlinkMessage.NLM_F_REPLACE;
import static io.anyhome.platform.linux.internal.Rtnetlink.*;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Stateless encoders of the rtnetlink requests the platform sends: link lookups and settings,
 * address, route, rule and proxy-neighbour changes, and the monitor's dumps. Each returns a
 * {@link NetlinkMessageBuilder} ready for {@link NetlinkSocket}. Used by
 * {@link RtnetlinkConfigurator} and {@link RtnetlinkMonitor}.
 */
final class RtnetlinkRequests {
    private RtnetlinkRequests() {
    }

    private static NetlinkMessageBuilder ifinfo(int type, int flags, int index, int ifFlags, int change) {
        return new NetlinkMessageBuilder(type, flags).u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(ifFlags).u32(change);
    }

    /** {@code RTM_GETLINK} of one interface by name (the kernel answers ENODEV if there is none). */
    static NetlinkMessageBuilder getLink(String name) {
        return ifinfo(RTM_GETLINK, 0, 0, 0, 0).attributeString(IFLA_IFNAME, name);
    }

    /** {@code RTM_GETLINK} of one interface by index. */
    static NetlinkMessageBuilder getLink(int index) {
        return ifinfo(RTM_GETLINK, 0, index, 0, 0);
    }

    /** {@code ip link set INDEX up|down}. */
    static NetlinkMessageBuilder setLinkUp(int index, boolean up) {
        return ifinfo(RTM_SETLINK, 0, index, up ? IFF_UP : 0, IFF_UP);
    }

    /** {@code ip link set INDEX mtu MTU}. */
    static NetlinkMessageBuilder setMtu(int index, int mtu) {
        return ifinfo(RTM_SETLINK, 0, index, 0, 0).attributeU32(IFLA_MTU, mtu);
    }

    /**
     * {@code ip addr replace|del ADDRESS/LEN dev INDEX [nodad]}; replacing makes adding an existing
     * address succeed and updates its flags.
     */
    static NetlinkMessageBuilder address(boolean add, int index, IpPrefix address, boolean skipDad) {
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(add ? RTM_NEWADDR : RTM_DELADDR,
                add ? NLM_F_CREATE | NLM_F_REPLACE : 0)
                .u8(family(address.address())).u8(address.length()).u8(0).u8(RT_SCOPE_UNIVERSE).u32(index);
        byte[] raw = address.address().getAddress();
        b.attribute(IFA_LOCAL, raw).attribute(IFA_ADDRESS, raw);
        if (add) {
            b.attributeU32(IFA_FLAGS, skipDad ? IFA_F_NODAD : 0);
        }
        return b;
    }

    /**
     * {@code ip route replace|del DEST [via GW] [dev INDEX] table T metric M}; replacing makes
     * adding replace a route with the same destination, table and metric.
     */
    static NetlinkMessageBuilder route(boolean add, RouteSpec route) {
        IpPrefix dst = route.destination().network();
        int family = family(dst.address());
        int scope = !add ? RT_SCOPE_NOWHERE
                : family == AF_INET && route.gateway() == null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(add ? RTM_NEWROUTE : RTM_DELROUTE,
                add ? NLM_F_CREATE | NLM_F_REPLACE : 0)
                .u8(family).u8(dst.length()).u8(0).u8(0)
                .u8(route.table() < 256 ? route.table() : 0)
                .u8(add ? RTPROT_STATIC : 0).u8(scope).u8(add ? RTN_UNICAST : 0).u32(0);
        b.attributeU32(RTA_TABLE, route.table());
        if (dst.length() > 0) {
            b.attribute(RTA_DST, dst.address().getAddress());
        }
        if (route.gateway() != null) {
            b.attribute(RTA_GATEWAY, route.gateway().getAddress());
        }
        if (route.index() > 0) {
            b.attributeU32(RTA_OIF, route.index());
        }
        b.attributeU32(RTA_PRIORITY, route.metric());
        return b;
    }

    /**
     * {@code ip rule add|del from PREFIX lookup TABLE priority P}; {@code NLM_F_EXCL} makes adding
     * an identical rule fail with {@code EEXIST}, which the configurator treats as success.
     */
    static NetlinkMessageBuilder rule(boolean add, PolicyRule rule) {
        IpPrefix from = rule.from().network();
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(add ? RTM_NEWRULE : RTM_DELRULE,
                add ? NLM_F_CREATE | NLM_F_EXCL : 0)
                .u8(family(from.address())).u8(0).u8(from.length()).u8(0)
                .u8(rule.table() < 256 ? rule.table() : 0).u8(0).u8(0).u8(FR_ACT_TO_TBL).u32(0);
        if (from.length() > 0) {
            b.attribute(FRA_SRC, from.address().getAddress());
        }
        return b.attributeU32(FRA_TABLE, rule.table()).attributeU32(FRA_PRIORITY, rule.priority());
    }

    /**
     * {@code ip -6 rule del priority P}: no source, table or action given, so the kernel deletes
     * the first IPv6 rule at that priority, whatever it matches.
     */
    static NetlinkMessageBuilder removeRuleAt(int priority) {
        return new NetlinkMessageBuilder(RTM_DELRULE, 0)
                .u8(AF_INET6).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0)
                .attributeU32(FRA_PRIORITY, priority);
    }

    /** {@code ip neigh replace|del proxy ADDRESS dev INDEX}. */
    static NetlinkMessageBuilder proxyNeighbour(boolean add, int index, InetAddress address) {
        return new NetlinkMessageBuilder(add ? RTM_NEWNEIGH : RTM_DELNEIGH, add ? NLM_F_CREATE | NLM_F_REPLACE : 0)
                .u8(family(address)).u8(0).u16(0).u32(index).u16(NUD_PERMANENT).u8(NTF_PROXY).u8(0)
                .attribute(NDA_DST, address.getAddress());
    }

    /** {@code ip neigh del ADDRESS dev INDEX}: the neighbour cache entry, not a proxy entry. */
    static NetlinkMessageBuilder removeNeighbour(int index, InetAddress address) {
        return new NetlinkMessageBuilder(RTM_DELNEIGH, 0)
                .u8(family(address)).u8(0).u16(0).u32(index).u16(0).u8(0).u8(0)
                .attribute(NDA_DST, address.getAddress());
    }

    /** Dump of every link. */
    static NetlinkMessageBuilder dumpLinks() {
        return ifinfo(RTM_GETLINK, NLM_F_DUMP, 0, 0, 0);
    }

    /** Dump of the addresses of one family. */
    static NetlinkMessageBuilder dumpAddresses(int family) {
        return new NetlinkMessageBuilder(RTM_GETADDR, NLM_F_DUMP).u8(family).u8(0).u8(0).u8(0).u32(0);
    }

    /** Dump of the routes of one family, all tables. */
    static NetlinkMessageBuilder dumpRoutes(int family) {
        return new NetlinkMessageBuilder(RTM_GETROUTE, NLM_F_DUMP).u8(family).u8(0).u8(0).u8(0)
                .u8(0).u8(0).u8(0).u8(0).u32(0);
    }

    /**
     * Dump of the neighbours of one family.
     *
     * @param proxies true for the proxy entries, which a plain dump leaves out
     */
    static NetlinkMessageBuilder dumpNeighbours(int family, boolean proxies) {
        return new NetlinkMessageBuilder(RTM_GETNEIGH, NLM_F_DUMP).u8(family).u8(0).u16(0).u32(0).u16(0)
                .u8(proxies ? NTF_PROXY : 0).u8(0);
    }

    static int family(InetAddress address) {
        return address instanceof Inet4Address ? AF_INET : AF_INET6;
    }
}
