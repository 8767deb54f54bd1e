package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.Rtnetlink.*;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.RouteEvent;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns rtnetlink messages into the API's events: {@code RTM_NEWLINK}/{@code RTM_DELLINK} into
 * {@link LinkEvent}, {@code RTM_*ADDR} into {@link AddressEvent}, unicast {@code RTM_*ROUTE}
 * into {@link RouteEvent} and {@code RTM_*NEIGH} into {@link NeighbourEvent}. Stateless and
 * total: whatever the bytes, it returns an event, returns null for a message it does not report
 * (another type or family, a cached clone, a non-unicast route), or throws
 * {@link NetlinkMalformedException}. Used by {@link RtnetlinkMonitor}.
 */
final class RtnetlinkDecoder {
    private static final OperState[] OPER_STATES = OperState.values();
    /** rx_packets, tx_packets, rx_bytes, tx_bytes: the part of {@code rtnl_link_stats64} we read. */
    private static final int STATS64_COUNTERS_LENGTH = 32;

    private RtnetlinkDecoder() {
    }

    /**
     * @param message an rtnetlink message
     * @param observedAt when it was received, epoch milliseconds
     * @return the event, or null if the message is not one the monitor reports
     * @throws NetlinkMalformedException if the message is malformed
     */
    static Object decode(NetlinkMessage message, long observedAt) throws NetlinkMalformedException {
        try {
            return switch (message.type()) {
                case RTM_NEWLINK, RTM_DELLINK -> link(message, observedAt);
                case RTM_NEWADDR, RTM_DELADDR -> address(message, observedAt);
                case RTM_NEWROUTE, RTM_DELROUTE -> route(message, observedAt);
                case RTM_NEWNEIGH, RTM_DELNEIGH -> neighbour(message, observedAt);
                default -> null;
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            // a value the kernel should never send (index 0, an invalid name): the event refuses it
            throw new NetlinkMalformedException(message.payload(), 0, "type " + message.type() + ": " + e.getMessage());
        }
    }

    private static void requireLength(NetlinkMessage m, int length, String header) throws NetlinkMalformedException {
        if (m.payload().limit() < length) {
            throw new NetlinkMalformedException(m.payload(), 0,
                    header + " needs " + length + " bytes, message type " + m.type() + " has " + m.payload().limit());
        }
    }

    static LinkEvent link(NetlinkMessage m, long observedAt) throws NetlinkMalformedException {
        requireLength(m, IFINFOMSG_LENGTH, "ifinfomsg");
        ByteBuffer p = m.payload();
        int index = p.getInt(4);
        int flags = p.getInt(8);
        NetlinkAttributes a = NetlinkAttributes.parse(p, IFINFOMSG_LENGTH);
        String name = a.string(IFLA_IFNAME, null);
        if (name == null) {
            throw new NetlinkMalformedException(p, 0, "link " + index + " without IFLA_IFNAME");
        }
        int oper = a.u8(IFLA_OPERSTATE, 0);
        boolean carrier = a.has(IFLA_CARRIER) ? a.u8(IFLA_CARRIER, 0) != 0 : (flags & IFF_LOWER_UP) != 0;
        NetlinkAttributes info = a.nested(IFLA_LINKINFO);
        String kind = info == null ? "" : info.string(IFLA_INFO_KIND, "");
        return new LinkEvent(m.type() == RTM_DELLINK ? Change.DELETED : Change.NEW, index, name, flags, carrier,
                oper < OPER_STATES.length ? OPER_STATES[oper] : OperState.UNKNOWN, a.u32(IFLA_MTU, 0), kind,
                linkLayer(a.bytes(IFLA_ADDRESS)), observedAt);
    }

    /**
     * Reads the counters of an {@code RTM_NEWLINK} answer: the first four u64 of
     * {@code IFLA_STATS64} ({@code struct rtnl_link_stats64}, which later kernels extend at its end).
     *
     * @param m an {@code RTM_NEWLINK} message
     * @return the counters
     * @throws NetlinkMalformedException if the message has no {@code IFLA_STATS64} or it is too short
     */
    static LinkStatistics statistics(NetlinkMessage m) throws NetlinkMalformedException {
        requireLength(m, IFINFOMSG_LENGTH, "ifinfomsg");
        ByteBuffer p = m.payload();
        NetlinkAttributes a = NetlinkAttributes.parse(p, IFINFOMSG_LENGTH);
        byte[] raw = a.bytes(IFLA_STATS64);
        if (raw == null || raw.length < STATS64_COUNTERS_LENGTH) {
            throw new NetlinkMalformedException(p, 0, "link " + p.getInt(4) + (raw == null ? " without IFLA_STATS64"
                    : " with IFLA_STATS64 of " + raw.length + " bytes, needs " + STATS64_COUNTERS_LENGTH));
        }
        ByteBuffer s = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        return new LinkStatistics(s.getLong(16), s.getLong(24), s.getLong(0), s.getLong(8));
    }

    static AddressEvent address(NetlinkMessage m, long observedAt) throws NetlinkMalformedException {
        requireLength(m, IFADDRMSG_LENGTH, "ifaddrmsg");
        ByteBuffer p = m.payload();
        int family = p.get(0) & 0xff;
        if (family != AF_INET && family != AF_INET6) {
            return null;
        }
        int prefixLength = p.get(1) & 0xff;
        int scope = p.get(3) & 0xff;
        int index = p.getInt(4);
        NetlinkAttributes a = NetlinkAttributes.parse(p, IFADDRMSG_LENGTH);
        byte[] raw = a.has(IFA_LOCAL) ? a.bytes(IFA_LOCAL) : a.bytes(IFA_ADDRESS);
        if (raw == null) {
            throw new NetlinkMalformedException(p, 0, "address on link " + index + " without IFA_ADDRESS");
        }
        int flags = a.u32(IFA_FLAGS, p.get(2) & 0xff);
        long preferred = -1;
        long valid = -1;
        if (a.has(IFA_CACHEINFO)) {
            byte[] ci = a.bytes(IFA_CACHEINFO);
            if (ci.length < 8) {
                throw new NetlinkMalformedException(p, 0, "IFA_CACHEINFO of " + ci.length + " bytes");
            }
            ByteBuffer c = ByteBuffer.wrap(ci).order(p.order());
            preferred = lifetimeMs(c.getInt(0));
            valid = lifetimeMs(c.getInt(4));
        }
        return new AddressEvent(m.type() == RTM_DELADDR ? Change.DELETED : Change.NEW, index,
                IpPrefix.of(address(family, raw, p), prefixLength), scope,
                (flags & IFA_F_TENTATIVE) != 0, (flags & IFA_F_OPTIMISTIC) != 0, (flags & IFA_F_DADFAILED) != 0,
                (flags & IFA_F_DEPRECATED) != 0, (flags & IFA_F_PERMANENT) != 0, preferred, valid, observedAt);
    }

    private static long lifetimeMs(int seconds) {
        return seconds == INFINITY_LIFE_TIME ? -1 : Integer.toUnsignedLong(seconds) * 1000L;
    }

    static RouteEvent route(NetlinkMessage m, long observedAt) throws NetlinkMalformedException {
        requireLength(m, RTMSG_LENGTH, "rtmsg");
        ByteBuffer p = m.payload();
        int family = p.get(0) & 0xff;
        int type = p.get(7) & 0xff;
        int flags = p.getInt(8);
        if ((family != AF_INET && family != AF_INET6) || type != RTN_UNICAST || (flags & RTM_F_CLONED) != 0) {
            return null;
        }
        NetlinkAttributes a = NetlinkAttributes.parse(p, RTMSG_LENGTH);
        byte[] dst = a.bytes(RTA_DST);
        if (dst == null) {
            dst = new byte[family == AF_INET ? 4 : 16];
        }
        byte[] gw = a.bytes(RTA_GATEWAY);
        long metric = Integer.toUnsignedLong(a.u32(RTA_PRIORITY, 0));
        int table = a.u32(RTA_TABLE, p.get(4) & 0xff);
        return new RouteEvent(m.type() == RTM_DELROUTE ? Change.DELETED : Change.NEW,
                IpPrefix.of(address(family, dst, p), p.get(1) & 0xff), gw == null ? null : address(family, gw, p),
                a.u32(RTA_OIF, 0), table, (int) Math.min(metric, Integer.MAX_VALUE), p.get(5) & 0xff, observedAt);
    }

    static NeighbourEvent neighbour(NetlinkMessage m, long observedAt) throws NetlinkMalformedException {
        requireLength(m, NDMSG_LENGTH, "ndmsg");
        ByteBuffer p = m.payload();
        int family = p.get(0) & 0xff;
        if (family != AF_INET && family != AF_INET6) {
            return null;
        }
        int index = p.getInt(4);
        int state = p.getShort(8) & 0xffff;
        int flags = p.get(10) & 0xff;
        NetlinkAttributes a = NetlinkAttributes.parse(p, NDMSG_LENGTH);
        byte[] dst = a.bytes(NDA_DST);
        if (dst == null) {
            throw new NetlinkMalformedException(p, 0, "neighbour on link " + index + " without NDA_DST");
        }
        return new NeighbourEvent(m.type() == RTM_DELNEIGH ? Change.DELETED : Change.NEW, index,
                address(family, dst, p), linkLayer(a.bytes(NDA_LLADDR)), state(state),
                (flags & NTF_ROUTER) != 0, (flags & NTF_PROXY) != 0, observedAt);
    }

    static NeighbourState state(int nud) {
        if ((nud & NUD_PERMANENT) != 0) {
            return NeighbourState.PERMANENT;
        } else if ((nud & NUD_NOARP) != 0) {
            return NeighbourState.NOARP;
        } else if ((nud & NUD_REACHABLE) != 0) {
            return NeighbourState.REACHABLE;
        } else if ((nud & NUD_STALE) != 0) {
            return NeighbourState.STALE;
        } else if ((nud & NUD_DELAY) != 0) {
            return NeighbourState.DELAY;
        } else if ((nud & NUD_PROBE) != 0) {
            return NeighbourState.PROBE;
        } else if ((nud & NUD_FAILED) != 0) {
            return NeighbourState.FAILED;
        } else if ((nud & NUD_INCOMPLETE) != 0) {
            return NeighbourState.INCOMPLETE;
        }
        return NeighbourState.NONE;
    }

    /**
     * @param family {@link Rtnetlink#AF_INET} or {@link Rtnetlink#AF_INET6}
     * @param raw the address bytes
     * @param context the message, for the error
     * @return the address; an IPv6 address stays IPv6 even when IPv4-mapped
     * @throws NetlinkMalformedException if the length does not fit the family
     */
    static InetAddress address(int family, byte[] raw, ByteBuffer context) throws NetlinkMalformedException {
        int expected = family == AF_INET ? 4 : 16;
        if (raw.length != expected) {
            throw new NetlinkMalformedException(context, 0, "address of " + raw.length + " bytes in family " + family);
        }
        try {
            return family == AF_INET ? Inet4Address.getByAddress(raw) : Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new NetlinkMalformedException(context, 0, e.getMessage());
        }
    }

    /**
     * @param raw a hardware address, or null
     * @return it as lower-case {@code aa:bb:...}, empty if null or empty
     */
    static String linkLayer(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length * 3);
        for (byte b : raw) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
