package io.anyhome.ifs.internal.flow;

import java.nio.ByteBuffer;

/**
 * Reads a packet's transport protocol and ports in place for the {@link FlowTable}, walking the
 * IPv6 extension headers (RFC 8200 §4) over a bounded number of headers. The result is packed as
 * {@code protocol << 52 | sourcePort << 16 | destinationPort}; ports are 0 for protocols without
 * them, for non-first fragments and for packets cut short.
 */
final class PacketFields {
    static final int HOP_BY_HOP = 0;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int DCCP = 33;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int AH = 51;
    static final int DESTINATION_OPTIONS = 60;
    static final int SCTP = 132;
    static final int UDP_LITE = 136;
    private static final int MAX_EXTENSION_HEADERS = 8;

    private PacketFields() {
    }

    static long ipv6Transport(ByteBuffer b, int p, int length) {
        int next = b.get(p + 6) & 0xff;
        int off = 40;
        for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
            switch (next) {
                case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS -> {
                    if (off + 2 > length) {
                        return pack(next, 0, 0);
                    }
                    int n = b.get(p + off) & 0xff;
                    off += ((b.get(p + off + 1) & 0xff) + 1) * 8;
                    next = n;
                }
                case AH -> {
                    if (off + 2 > length) {
                        return pack(next, 0, 0);
                    }
                    int n = b.get(p + off) & 0xff;
                    off += ((b.get(p + off + 1) & 0xff) + 2) * 4;
                    next = n;
                }
                case FRAGMENT -> {
                    if (off + 8 > length) {
                        return pack(next, 0, 0);
                    }
                    int n = b.get(p + off) & 0xff;
                    boolean first = (b.getShort(p + off + 2) & 0xfff8) == 0;
                    off += 8;
                    if (!first) {
                        return pack(n, 0, 0);
                    }
                    next = n;
                }
                default -> {
                    return ports(b, p, length, off, next);
                }
            }
        }
        return pack(next, 0, 0);
    }

    static long ipv4Transport(ByteBuffer b, int p, int length, int ihl) {
        int protocol = b.get(p + 9) & 0xff;
        boolean first = (b.getShort(p + 6) & 0x1fff) == 0;
        return first ? ports(b, p, length, ihl, protocol) : pack(protocol, 0, 0);
    }

    private static long ports(ByteBuffer b, int p, int length, int off, int protocol) {
        boolean hasPorts = protocol == TCP || protocol == UDP || protocol == SCTP || protocol == UDP_LITE
                || protocol == DCCP;
        if (!hasPorts || off + 4 > length) {
            return pack(protocol, 0, 0);
        }
        return pack(protocol, b.getShort(p + off) & 0xffff, b.getShort(p + off + 2) & 0xffff);
    }

    private static long pack(int protocol, int sourcePort, int destinationPort) {
        return ((long) protocol << 52) | ((long) sourcePort << 16) | destinationPort;
    }
}
