package io.anyhome.packet.ip;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Reads and writes 16-byte IPv6 address fields as {@link Inet6Address} values, for the records
 * of this package and of {@code io.anyhome.packet.icmp6}.
 *
 * <p>An IPv4-mapped address stays an {@code Inet6Address} (the JDK's
 * {@code InetAddress.getByAddress} would turn it into an {@code Inet4Address}).
 */
public final class AddressFields {
    /** Length of an IPv6 address in bytes. */
    public static final int IPV6_LENGTH = 16;

    private AddressFields() {
    }

    /**
     * Reads the 16 bytes at absolute index {@code offset}; the caller has checked the range.
     *
     * @param buffer the packet
     * @param offset absolute index of the address
     * @return the address, without scope
     */
    public static Inet6Address read(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[IPV6_LENGTH];
        buffer.get(offset, bytes);
        return of(bytes);
    }

    /**
     * Writes the address at the buffer's position and advances it by 16.
     *
     * @param out the buffer
     * @param address the address
     */
    public static void put(ByteBuffer out, Inet6Address address) {
        out.put(address.getAddress());
    }

    /**
     * The address of 16 bytes.
     *
     * @param bytes exactly 16 bytes
     * @return the address, without scope
     * @throws IllegalArgumentException if {@code bytes} is not 16 bytes long
     */
    public static Inet6Address of(byte[] bytes) {
        if (bytes.length != IPV6_LENGTH) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
