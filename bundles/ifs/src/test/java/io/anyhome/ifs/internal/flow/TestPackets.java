package io.anyhome.ifs.internal.flow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Builds IPv6 and IPv4 packets with transport ports for the flow tests. */
final class TestPackets {
    static final String HOME = "2001:db8:1::10";

    private TestPackets() {
    }

    static ByteBuffer tcp6(String src, String dst, int sport, int dport) {
        return ipv6(src, dst, 6, 0, 0, new int[0], sport, dport, 20);
    }

    static ByteBuffer udp6(String src, String dst, int sport, int dport) {
        return ipv6(src, dst, 17, 0, 0, new int[0], sport, dport, 8);
    }

    /**
     * @param extensions extension header types (0, 43, 60 as 8-byte headers; 44 a first fragment)
     */
    static ByteBuffer ipv6(String src, String dst, int proto, int dscp, int label, int[] extensions, int sport,
            int dport, int transportLength) {
        int ext = extensions.length * 8;
        ByteBuffer b = ByteBuffer.allocate(40 + ext + transportLength + 16);
        b.putInt((6 << 28) | (dscp << 22) | label);
        b.putShort((short) (ext + transportLength + 16));
        b.put((byte) (extensions.length > 0 ? extensions[0] : proto));
        b.put((byte) 64);
        b.put(address(src)).put(address(dst));
        for (int i = 0; i < extensions.length; i++) {
            int next = i + 1 < extensions.length ? extensions[i + 1] : proto;
            b.put((byte) next).put((byte) 0);
            b.put(new byte[6]);
        }
        b.putShort((short) sport).putShort((short) dport);
        b.put(new byte[transportLength - 4 + 16]);
        return b.flip();
    }

    static ByteBuffer tcp4(String src, String dst, int sport, int dport) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putInt(0);
        b.put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(address(src)).put(address(dst));
        b.putShort((short) sport).putShort((short) dport).put(new byte[16]);
        return b.flip();
    }

    static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InetAddress inet(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
