package io.anyhome.vi.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Minimal IPv6 packets for the VI's tests: a header and a few bytes of payload. */
final class Packets {
    private Packets() {
    }

    static byte[] ipv6(String source, String destination, int payloadLength) {
        ByteBuffer b = ByteBuffer.allocate(40 + payloadLength);
        b.putInt(0x6000_0000).putShort((short) payloadLength).put((byte) 17).put((byte) 64);
        b.put(address(source)).put(address(destination));
        return b.array();
    }

    static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
