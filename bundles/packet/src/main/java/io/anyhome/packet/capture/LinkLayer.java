package io.anyhome.packet.capture;

/**
 * Finds the IP header behind the link-layer header of a captured frame.
 *
 * <p>Link types (tcpdump.org LINKTYPE_ registry): 1 Ethernet (with up to two 802.1Q / 802.1ad
 * tags), 101 raw IP, 228 raw IPv4, 229 raw IPv6, 113 Linux cooked capture (SLL, 16-byte header,
 * protocol at offset 14), 276 Linux cooked capture v2 (SLL2, 20-byte header, protocol at
 * offset 0).
 */
final class LinkLayer {
    static final int ETHERNET = 1;
    static final int RAW = 101;
    static final int IPV4 = 228;
    static final int IPV6 = 229;
    static final int SLL = 113;
    static final int SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int MAX_VLAN_TAGS = 2;

    private LinkLayer() {
    }

    /** @return whether the reader knows this link type */
    static boolean isSupported(int linkType) {
        return switch (linkType) {
            case ETHERNET, RAW, IPV4, IPV6, SLL, SLL2 -> true;
            default -> false;
        };
    }

    static CapturedPacket locate(int number, long timestampNanos, int linkType, byte[] frame) {
        switch (linkType) {
            case RAW, IPV4, IPV6:
                return ipAt(number, timestampNanos, linkType, frame, 0);
            case ETHERNET: {
                int typeAt = 12;
                for (int tags = 0; tags <= MAX_VLAN_TAGS; tags++) {
                    if (frame.length < typeAt + 2) {
                        return none(number, timestampNanos, linkType, frame, "truncated Ethernet header");
                    }
                    int type = u16(frame, typeAt);
                    if (type != ETHERTYPE_VLAN && type != ETHERTYPE_QINQ) {
                        return byEthertype(number, timestampNanos, linkType, frame, type, typeAt + 2);
                    }
                    typeAt += 4;
                }
                return none(number, timestampNanos, linkType, frame, "more than 2 VLAN tags");
            }
            case SLL:
                if (frame.length < 16) {
                    return none(number, timestampNanos, linkType, frame, "truncated SLL header");
                }
                return byEthertype(number, timestampNanos, linkType, frame, u16(frame, 14), 16);
            case SLL2:
                if (frame.length < 20) {
                    return none(number, timestampNanos, linkType, frame, "truncated SLL2 header");
                }
                return byEthertype(number, timestampNanos, linkType, frame, u16(frame, 0), 20);
            default:
                return none(number, timestampNanos, linkType, frame, "unsupported link type " + linkType);
        }
    }

    private static CapturedPacket byEthertype(int number, long ts, int linkType, byte[] frame,
            int ethertype, int ipOffset) {
        if (ethertype != ETHERTYPE_IPV4 && ethertype != ETHERTYPE_IPV6) {
            return none(number, ts, linkType, frame, String.format("ethertype 0x%04x is not IP", ethertype));
        }
        return ipAt(number, ts, linkType, frame, ipOffset);
    }

    private static CapturedPacket ipAt(int number, long ts, int linkType, byte[] frame, int offset) {
        if (offset >= frame.length) {
            return none(number, ts, linkType, frame, "no bytes after the link-layer header");
        }
        return new CapturedPacket(number, ts, linkType, frame, offset, "");
    }

    private static CapturedPacket none(int number, long ts, int linkType, byte[] frame, String why) {
        return new CapturedPacket(number, ts, linkType, frame, -1, why);
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
