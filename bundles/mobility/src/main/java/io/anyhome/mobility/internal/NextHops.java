package io.anyhome.mobility.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link-layer address of the next hop for a packet leaving on the home link, from the kernel's
 * neighbour cache of the uplink as rtnetlink reports it: for a destination in the home prefix
 * (on the link) its own entry, for any other destination a router's entry. So the home link's
 * direct path can hand a TCP super-packet to a packet socket in one call ({@link HomeLink}), which
 * needs the next hop's address, while single packets still go through the kernel's routing and
 * neighbour discovery (a raw socket), which fill this cache. No entry, or one the kernel is still
 * resolving or gave up on, or a link-local or multicast destination: null, and the caller sends
 * the packets one by one the usual way.
 *
 * <p>Written by the platform's monitor thread, read by the sending threads.
 */
final class NextHops {
    private static final HexFormat MAC = HexFormat.ofDelimiter(":");

    /** A 128-bit address as two longs: a small key, made once per super-packet. */
    private record Key(long high, long low) {
        static Key of(byte[] a) {
            ByteBuffer b = ByteBuffer.wrap(a);
            return new Key(b.getLong(0), b.getLong(8));
        }

        static Key of(ByteBuffer packet, int at) {
            long high = packet.getLong(at);
            long low = packet.getLong(at + 8);
            return packet.order() == ByteOrder.BIG_ENDIAN ? new Key(high, low)
                    : new Key(Long.reverseBytes(high), Long.reverseBytes(low));
        }
    }

    private final int index;
    private final long prefixHigh;
    private final long prefixLow;
    private final long maskHigh;
    private final long maskLow;
    private final boolean prefixKnown;
    private final Map<Key, byte[]> neighbours = new ConcurrentHashMap<>();
    private final Map<Key, byte[]> routers = new ConcurrentHashMap<>();

    /**
     * @param index the uplink's interface index
     * @param homePrefix the home prefix, the link's on-link prefix; null if not configured (then
     *        only destinations with an entry of their own are taken as on the link)
     */
    NextHops(int index, IpPrefix homePrefix) {
        this.index = index;
        this.prefixKnown = homePrefix != null && homePrefix.isIpv6();
        int length = prefixKnown ? homePrefix.length() : 0;
        this.maskHigh = length == 0 ? 0 : -1L << (64 - Math.min(64, length));
        this.maskLow = length <= 64 ? 0 : -1L << (128 - length);
        Key p = prefixKnown ? Key.of(homePrefix.address().getAddress()) : new Key(0, 0);
        this.prefixHigh = p.high() & maskHigh;
        this.prefixLow = p.low() & maskLow;
    }

    /**
     * Takes in a neighbour cache change.
     *
     * @param e the event
     */
    void neighbour(NeighbourEvent e) {
        if (e.index() != index || e.proxy() || e.address().getAddress().length != 16) {
            return;
        }
        Key key = Key.of(e.address().getAddress());
        if (e.change() == Change.DELETED || e.linkLayerAddress().isEmpty() || !usable(e.state())) {
            neighbours.remove(key);
            routers.remove(key);
            return;
        }
        byte[] mac = MAC.parseHex(e.linkLayerAddress());
        neighbours.put(key, mac);
        if (e.router()) {
            routers.put(key, mac);
        } else {
            routers.remove(key);
        }
    }

    private static boolean usable(NeighbourState s) {
        return s == NeighbourState.REACHABLE || s == NeighbourState.STALE || s == NeighbourState.DELAY
                || s == NeighbourState.PROBE || s == NeighbourState.PERMANENT || s == NeighbourState.NOARP;
    }

    /**
     * @param packet an IPv6 packet
     * @param at where its header starts
     * @return the next hop's link-layer address for its destination, or null if not known now
     */
    byte[] forDestination(ByteBuffer packet, int at) {
        Key destination = Key.of(packet, at + 24);
        byte[] own = neighbours.get(destination);
        if (own != null) {
            return own;
        }
        boolean onLink = prefixKnown && (destination.high() & maskHigh) == prefixHigh
                && (destination.low() & maskLow) == prefixLow;
        boolean linkLocalOrMulticast = (destination.high() >>> 54) == 0x3fa || (destination.high() >>> 56) == 0xff;
        if (onLink || linkLocalOrMulticast) {
            return null;
        }
        Iterator<byte[]> router = routers.values().iterator();
        return router.hasNext() ? router.next() : null;
    }
}
