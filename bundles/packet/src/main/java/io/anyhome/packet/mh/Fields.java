package io.anyhome.packet.mh;

import io.anyhome.packet.ip.AddressFields;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;

/** Range checks and address reads shared by the message and option records. */
final class Fields {
    private static final HexFormat HEX = HexFormat.of();

    private Fields() {
    }

    static int unsigned(String name, int value, int bits) {
        if (value < 0 || value >= 1L << bits) {
            throw new IllegalArgumentException(name + " " + value + " does not fit " + bits
                    + " bits");
        }
        return value;
    }

    static long unsigned32(String name, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(name + " " + value + " does not fit 32 bits");
        }
        return value;
    }

    static byte[] copy(String name, byte[] bytes, int maxLength) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length > maxLength) {
            throw new IllegalArgumentException(name + " of " + bytes.length
                    + " bytes, at most " + maxLength);
        }
        return bytes.clone();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static Inet6Address inet6(ByteBuffer buf, int index) {
        return AddressFields.read(buf, index);
    }

    static Inet4Address inet4(ByteBuffer buf, int index) {
        byte[] a = new byte[4];
        buf.get(index, a);
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are an IPv4 address", e);
        }
    }

    static <T> T required(String name, T value) {
        return Objects.requireNonNull(value, name);
    }
}
