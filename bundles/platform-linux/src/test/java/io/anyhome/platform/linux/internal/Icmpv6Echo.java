package io.anyhome.platform.linux.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * ICMPv6 Echo Request packets (RFC 4443 section 4.1) built by hand for the TUN tests, and the
 * fields of the kernel's Echo Reply read back; packet is not a dependency of this bundle.
 */
final class Icmpv6Echo {
    static final int IPV6_HEADER = 40;
    static final int NEXT_HEADER_ICMPV6 = 58;
    static final int ECHO_REQUEST = 128;
    static final int ECHO_REPLY = 129;

    private Icmpv6Echo() {
    }

    /** Puts an IPv6 packet carrying an Echo Request at dst's position and advances it. */
    static void request(ByteBuffer dst, InetAddress source, InetAddress destination, int id, int sequence,
            byte[] data) {
        int start = dst.position();
        int icmpLength = 8 + data.length;
        dst.putInt(6 << 28).putShort((short) icmpLength).put((byte) NEXT_HEADER_ICMPV6).put((byte) 64)
                .put(source.getAddress()).put(destination.getAddress());
        int icmp = dst.position();
        dst.put((byte) ECHO_REQUEST).put((byte) 0).putShort((short) 0).putShort((short) id)
                .putShort((short) sequence).put(data);
        dst.putShort(icmp + 2, (short) checksum(dst, start, icmp, icmpLength));
    }

    /** The ICMPv6 checksum over the pseudo-header (RFC 8200 section 8.1) and the message. */
    static int checksum(ByteBuffer packet, int ipStart, int icmpStart, int icmpLength) {
        long sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += packet.getShort(ipStart + 8 + i) & 0xffff;
        }
        sum += icmpLength;
        sum += NEXT_HEADER_ICMPV6;
        for (int i = 0; i < icmpLength; i += 2) {
            int hi = packet.get(icmpStart + i) & 0xff;
            int lo = i + 1 < icmpLength ? packet.get(icmpStart + i + 1) & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** @return true if the IPv6 packet at {@code start} is an ICMPv6 Echo Reply */
    static boolean isEchoReply(ByteBuffer packet, int start) {
        return (packet.get(start) >> 4 & 0xf) == 6 && (packet.get(start + 6) & 0xff) == NEXT_HEADER_ICMPV6
                && (packet.get(start + IPV6_HEADER) & 0xff) == ECHO_REPLY;
    }

    static InetAddress address(ByteBuffer packet, int offset) throws java.net.UnknownHostException {
        byte[] a = new byte[16];
        packet.get(offset, a);
        return InetAddress.getByAddress(a);
    }
}
