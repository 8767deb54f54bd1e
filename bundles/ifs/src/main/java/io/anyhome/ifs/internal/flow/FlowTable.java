package io.anyhome.ifs.internal.flow;

import io.anyhome.api.ifs.FlowKey;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The flows leaving the virtual interface (draft-hong-virtualif-mn-mipv6 §3.2: the relation
 * flow → interface lives here), keyed by 5-tuple and flow label, in preallocated arrays so that
 * the data path finds or adds a flow without a lock and without allocating.
 *
 * <p>Open addressing with linear probing over at most {@value #MAX_PROBES} slots. A slot is
 * EMPTY, WRITING (a thread is filling in a new key), LIVE, or DEAD (expired; probing passes over
 * it and a new flow may take it). Keys are written before the slot turns LIVE (release) and read
 * after LIVE is seen (acquire). Two threads adding the same new flow at once may, rarely, create
 * two entries for it; both place the flow the same way, so nothing but the flow listing notices.
 * When no slot within the probe window is free the packet is still routed (by the decision's
 * default) and counted in {@link #overflows()}.
 *
 * <p>Per-flow counters are plain fields written by the data path: exact with one reading thread
 * (the virtual interface has one), approximate with several.
 */
public final class FlowTable {
    /** The longest probe sequence searched. */
    public static final int MAX_PROBES = 32;

    static final int EMPTY = 0;
    static final int WRITING = 1;
    static final int LIVE = 2;
    static final int DEAD = 3;

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(int[].class);

    private final int mask;
    private final int[] state;
    // the key: addresses as two longs each (IPv4 as IPv4-mapped IPv6), then protocol/label/ports
    final long[] srcHi;
    final long[] srcLo;
    final long[] dstHi;
    final long[] dstLo;
    final long[] meta;
    /** Incremented each time a slot takes a new flow, so per-flow overrides never follow a slot to another flow. */
    final int[] incarnation;
    final int[] dscp;
    final long[] bytes;
    final long[] packets;
    final long[] firstSeen;
    final long[] lastSeen;
    /** The routing generation the placement below was computed for. */
    final int[] placedGeneration;
    final int[] placedUplink;
    final int[] placedDuplicate;
    final byte[] placedBy;
    private volatile long overflows;

    /**
     * @param slots the number of slots, a power of two of at least 64; keep it at least twice the
     *     number of flows expected at once
     * @throws IllegalArgumentException if slots is not such a power of two
     */
    public FlowTable(int slots) {
        if (slots < 64 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("flow table slots " + slots + " must be a power of two, at least 64");
        }
        this.mask = slots - 1;
        state = new int[slots];
        srcHi = new long[slots];
        srcLo = new long[slots];
        dstHi = new long[slots];
        dstLo = new long[slots];
        meta = new long[slots];
        incarnation = new int[slots];
        dscp = new int[slots];
        bytes = new long[slots];
        packets = new long[slots];
        firstSeen = new long[slots];
        lastSeen = new long[slots];
        placedGeneration = new int[slots];
        placedUplink = new int[slots];
        placedDuplicate = new int[slots];
        placedBy = new byte[slots];
    }

    /** @return the number of slots */
    public int slots() {
        return mask + 1;
    }

    /** @return packets that found no free slot and were routed without a flow entry */
    public long overflows() {
        return overflows;
    }

    /**
     * Finds the flow of a packet, adding it if new, and counts the packet.
     *
     * @param packet an IP packet from its header, position..limit; not changed
     * @param now the time, epoch milliseconds
     * @return the flow's slot, {@code -1} if the packet cannot be classified (not IPv4/IPv6, cut
     *     short), {@code -2} if the table had no free slot for a new flow
     */
    public int track(ByteBuffer packet, long now) {
        int p = packet.position();
        int length = packet.limit() - p;
        if (length < 1) {
            return -1;
        }
        int version = (packet.get(p) & 0xf0) >>> 4;
        long sHi;
        long sLo;
        long dHi;
        long dLo;
        long m;
        int ds;
        if (version == 6) {
            if (length < 40) {
                return -1;
            }
            sHi = packet.getLong(p + 8);
            sLo = packet.getLong(p + 16);
            dHi = packet.getLong(p + 24);
            dLo = packet.getLong(p + 32);
            int word = packet.getInt(p);
            ds = (word >>> 22) & 0x3f;
            m = PacketFields.ipv6Transport(packet, p, length) | ((long) (word & 0xfffff) << 32);
        } else if (version == 4) {
            int ihl = (packet.get(p) & 0x0f) * 4;
            if (length < 20 || ihl < 20 || ihl > length) {
                return -1;
            }
            sHi = 0;
            sLo = 0x0000ffff00000000L | (packet.getInt(p + 12) & 0xffffffffL);
            dHi = 0;
            dLo = 0x0000ffff00000000L | (packet.getInt(p + 16) & 0xffffffffL);
            ds = (packet.get(p + 1) & 0xff) >>> 2;
            m = PacketFields.ipv4Transport(packet, p, length, ihl);
        } else {
            return -1;
        }
        int slot = -3;
        for (int attempt = 0; attempt < 4 && slot == -3; attempt++) {
            slot = findOrAdd(sHi, sLo, dHi, dLo, m, ds, now);
        }
        if (slot >= 0) {
            bytes[slot] += length;
            packets[slot]++;
            lastSeen[slot] = now;
            dscp[slot] = ds;
        } else {
            slot = -2;
            overflows++;
        }
        return slot;
    }

    private int findOrAdd(long sHi, long sLo, long dHi, long dLo, long m, int ds, long now) {
        int start = hash(sHi, sLo, dHi, dLo, m) & mask;
        int free = -1;
        for (int i = 0; i < MAX_PROBES; i++) {
            int s = (start + i) & mask;
            int st = (int) STATE.getAcquire(state, s);
            while (st == WRITING) {
                Thread.onSpinWait();
                st = (int) STATE.getAcquire(state, s);
            }
            if (st == LIVE) {
                if (srcLo[s] == sLo && dstLo[s] == dLo && meta[s] == m && srcHi[s] == sHi && dstHi[s] == dHi) {
                    return s;
                }
            } else if (st == EMPTY) {
                return claim(free >= 0 ? free : s, free >= 0 ? DEAD : EMPTY, sHi, sLo, dHi, dLo, m, ds, now);
            } else if (free < 0) {
                free = s;
            }
        }
        return free >= 0 ? claim(free, DEAD, sHi, sLo, dHi, dLo, m, ds, now) : -2;
    }

    /** @return the slot, or -3 if another thread took it first (the caller searches again: it may have added this very flow) */
    private int claim(int s, int expected, long sHi, long sLo, long dHi, long dLo, long m, int ds, long now) {
        if (!STATE.compareAndSet(state, s, expected, WRITING)) {
            return -3;
        }
        srcHi[s] = sHi;
        srcLo[s] = sLo;
        dstHi[s] = dHi;
        dstLo[s] = dLo;
        meta[s] = m;
        dscp[s] = ds;
        bytes[s] = 0;
        packets[s] = 0;
        firstSeen[s] = now;
        lastSeen[s] = now;
        placedGeneration[s] = -1;
        incarnation[s]++;
        STATE.setRelease(state, s, LIVE);
        return s;
    }

    static int hash(long sHi, long sLo, long dHi, long dLo, long m) {
        long h = sHi * 0x9E3779B97F4A7C15L;
        h = (h ^ sLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ dHi) * 0x9E3779B97F4A7C15L;
        h = (h ^ dLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ m) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Finds a flow without adding it; off the data path (compiling per-flow overrides).
     *
     * @param key the flow
     * @return its slot, -1 if the table does not hold it
     */
    public int find(FlowKey key) {
        byte[] s = mapped(key.source());
        byte[] d = mapped(key.destination());
        ByteBuffer b = ByteBuffer.allocate(32).put(s).put(d).flip();
        long sHi = b.getLong(0);
        long sLo = b.getLong(8);
        long dHi = b.getLong(16);
        long dLo = b.getLong(24);
        long m = ((long) key.protocol() << 52) | ((long) key.flowLabel() << 32) | ((long) key.sourcePort() << 16)
                | key.destinationPort();
        int start = hash(sHi, sLo, dHi, dLo, m) & mask;
        for (int i = 0; i < MAX_PROBES; i++) {
            int slot = (start + i) & mask;
            int st = (int) STATE.getAcquire(state, slot);
            if (st == EMPTY) {
                return -1;
            }
            if (st == LIVE && srcLo[slot] == sLo && dstLo[slot] == dLo && meta[slot] == m && srcHi[slot] == sHi
                    && dstHi[slot] == dHi) {
                return slot;
            }
        }
        return -1;
    }

    private static byte[] mapped(InetAddress a) {
        byte[] raw = a.getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] m = new byte[16];
        m[10] = (byte) 0xff;
        m[11] = (byte) 0xff;
        System.arraycopy(raw, 0, m, 12, 4);
        return m;
    }

    /**
     * @param slot a slot
     * @return the flow in the slot as a key (IPv4-mapped addresses back as IPv4)
     */
    public FlowKey key(int slot) {
        ByteBuffer b = ByteBuffer.allocate(32).putLong(srcHi[slot]).putLong(srcLo[slot]).putLong(dstHi[slot])
                .putLong(dstLo[slot]);
        return new FlowKey(address(b.array(), 0), address(b.array(), 16), protocol(slot),
                sourcePort(slot), destinationPort(slot), flowLabel(slot));
    }

    private static InetAddress address(byte[] bytes, int off) {
        byte[] a = Arrays.copyOfRange(bytes, off, off + 16);
        try {
            // InetAddress turns an IPv4-mapped address into an Inet4Address by itself
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * @param slot a slot
     * @return true if the slot holds a flow
     */
    public boolean isLive(int slot) {
        return (int) STATE.getAcquire(state, slot) == LIVE;
    }

    /**
     * Expires flows idle for longer than the timeout; called from one maintenance thread.
     *
     * @param now the time, epoch milliseconds
     * @param idleMillis how long a flow may be silent
     * @return how many flows expired
     */
    public int expire(long now, long idleMillis) {
        int expired = 0;
        for (int s = 0; s <= mask; s++) {
            if ((int) STATE.getAcquire(state, s) == LIVE && now - lastSeen[s] > idleMillis
                    && STATE.compareAndSet(state, s, LIVE, DEAD)) {
                expired++;
            }
        }
        return expired;
    }

    /** Forgets every flow; for the maintenance thread when the switch stops. */
    public void clear() {
        for (int s = 0; s <= mask; s++) {
            STATE.setRelease(state, s, EMPTY);
        }
    }

    /** @return the number of live flows (a scan) */
    public int size() {
        int n = 0;
        for (int s = 0; s <= mask; s++) {
            if ((int) STATE.getAcquire(state, s) == LIVE) {
                n++;
            }
        }
        return n;
    }

    /** @return the protocol of the flow in a slot */
    int protocol(int slot) {
        return (int) (meta[slot] >>> 52) & 0xff;
    }

    int sourcePort(int slot) {
        return (int) (meta[slot] >>> 16) & 0xffff;
    }

    int destinationPort(int slot) {
        return (int) meta[slot] & 0xffff;
    }

    int flowLabel(int slot) {
        return (int) (meta[slot] >>> 32) & 0xfffff;
    }
}
