package io.anyhome.policy.redundant.internal;

import java.nio.ByteBuffer;

/** Builds inner packets for the duplicate filter tests: documentation addresses only. */
final class Packets {
    private Packets() {
    }

    /**
     * @return an IPv6 UDP packet from 2001:db8::1 to 2001:db8:2::7 with the hop limit and payload given
     */
    static ByteBuffer ipv6(int hopLimit, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x6000_0000).putShort((short) payload.length).put((byte) 17).put((byte) hopLimit);
        b.putLong(0x2001_0db8_0000_0000L).putLong(1);
        b.putLong(0x2001_0db8_0002_0000L).putLong(7);
        b.put(payload);
        return b.flip();
    }

    /**
     * @return an IPv4 UDP packet from 192.0.2.1 to 198.51.100.7 with the TTL, checksum and payload given
     */
    static ByteBuffer ipv4(int ttl, int checksum, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putInt(0);
        b.put((byte) ttl).put((byte) 17).putShort((short) checksum);
        b.put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 198, 51, 100, 7});
        b.put(payload);
        return b.flip();
    }

    static byte[] payload(int n) {
        return ("payload number " + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
