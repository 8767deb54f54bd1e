package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct ifreq} in native memory, the argument of the TUN and interface ioctls: the
 * interface name (16 bytes, NUL-terminated) followed by a 24-byte union of which anyhome uses a
 * {@code short} (flags), an {@code int} (MTU, index) or a {@code struct sockaddr} (hardware type
 * and address).
 *
 * <pre>
 *  0                16                                      40
 * +----------------+---------------------------------------+
 * | ifr_name[16]   | ifr_flags (short) / ifr_mtu (int) ... |
 * +----------------+---------------------------------------+
 * </pre>
 */
final class InterfaceRequest {
    static final int SIZE = 40;
    private static final int NAME_LENGTH = 16;
    private static final int UNION = 16;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());

    InterfaceRequest(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= NAME_LENGTH) {
            throw new IllegalArgumentException("interface name '" + name + "' is longer than 15 bytes");
        }
        buffer.put(0, bytes);
    }

    /** @return the name field, as the kernel may have rewritten it */
    String name() {
        int n = 0;
        while (n < NAME_LENGTH && buffer.get(n) != 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        buffer.get(0, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    InterfaceRequest flags(int flags) {
        buffer.putShort(UNION, (short) flags);
        return this;
    }

    int flags() {
        return buffer.getShort(UNION) & 0xffff;
    }

    InterfaceRequest intValue(int value) {
        buffer.putInt(UNION, value);
        return this;
    }

    int intValue() {
        return buffer.getInt(UNION);
    }

    /** @return the {@code sa_family} of the union's {@code struct sockaddr}: the ARPHRD type for {@code SIOCGIFHWADDR} */
    int hardwareType() {
        return buffer.getShort(UNION) & 0xffff;
    }

    /** @return the first {@code length} bytes of the union's {@code sa_data}: the hardware address */
    byte[] hardwareAddress(int length) {
        byte[] bytes = new byte[length];
        buffer.get(UNION + 2, bytes);
        return bytes;
    }

    /** @return the native memory to pass to ioctl (position 0) */
    ByteBuffer buffer() {
        return buffer;
    }
}
