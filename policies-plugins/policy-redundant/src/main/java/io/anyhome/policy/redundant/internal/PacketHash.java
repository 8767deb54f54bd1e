package io.anyhome.policy.redundant.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Identifies an inner IP packet by a 64-bit hash over its bytes, leaving out what may differ
 * between two copies sent over different paths: the IPv6 hop limit (byte 7); for IPv4 the TTL
 * (byte 8) and the header checksum (bytes 10-11). Reads the buffer in place from position to
 * limit with absolute gets (position, limit and byte order unchanged) and allocates nothing.
 * Used by {@link WindowedDuplicateFilter}.
 */
final class PacketHash {
    /** Returned for bytes that are not an IPv6 or IPv4 packet this class can identify. */
    static final long UNIDENTIFIED = 0;

    static final int IPV6_HEADER = 40;
    static final int IPV4_HEADER = 20;
    /** In the first 8 bytes, read big-endian: byte 7 is the IPv6 hop limit. */
    private static final long IPV6_MASK_0 = ~0xFFL;
    /** In bytes 8..15, read big-endian: byte 8 is the IPv4 TTL, bytes 10-11 its header checksum. */
    private static final long IPV4_MASK_1 = ~0xFF00_FFFF_0000_0000L;

    private static final long M1 = 0x9E37_79B9_7F4A_7C15L;
    private static final long M2 = 0xC2B2_AE3D_27D4_EB4FL;

    private PacketHash() {
    }

    /**
     * @param packet an inner packet, position..limit; not changed
     * @return its hash, never {@link #UNIDENTIFIED} for a packet; {@link #UNIDENTIFIED} if the
     *         bytes are too short for their IP version's header or of another version
     */
    static long of(ByteBuffer packet) {
        int from = packet.position();
        int to = packet.limit();
        int length = to - from;
        if (length < IPV4_HEADER) {
            return UNIDENTIFIED;
        }
        int first = packet.get(from) & 0xff;
        long mask0 = -1L;
        long mask1 = -1L;
        switch (first >>> 4) {
            case 6 -> {
                if (length < IPV6_HEADER) {
                    return UNIDENTIFIED;
                }
                mask0 = IPV6_MASK_0;
            }
            case 4 -> {
                int headerLength = (first & 0x0f) * 4;
                if (headerLength < IPV4_HEADER || headerLength > length) {
                    return UNIDENTIFIED;
                }
                mask1 = IPV4_MASK_1;
            }
            default -> {
                return UNIDENTIFIED;
            }
        }
        boolean swap = packet.order() == ByteOrder.LITTLE_ENDIAN;
        long h = length * M1;
        int i = from;
        for (int word = 0; i + 8 <= to; i += 8, word++) {
            long w = packet.getLong(i);
            if (swap) {
                w = Long.reverseBytes(w);
            }
            if (word == 0) {
                w &= mask0;
            } else if (word == 1) {
                w &= mask1;
            }
            h = mix(h, w);
        }
        long tail = 0;
        for (; i < to; i++) {
            tail = (tail << 8) | (packet.get(i) & 0xff);
        }
        h = finish(mix(h, tail));
        return h == UNIDENTIFIED ? 1 : h;
    }

    private static long mix(long h, long w) {
        return Long.rotateLeft(h ^ (w * M1), 29) * M2;
    }

    /** The 64-bit finaliser of MurmurHash3: every input bit affects every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        return h ^ (h >>> 33);
    }
}
