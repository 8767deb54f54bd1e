package io.anyhome.packet.describe;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Writes IP addresses in their canonical text form: IPv6 per RFC 5952 §4 (lower case, no
 * leading zeros, the longest run of two or more zero groups compressed to {@code ::}, the
 * first such run on a tie) and §5 (an IPv4-mapped address as {@code ::ffff:192.0.2.1}); IPv4 in
 * dotted decimal.
 *
 * <p>Used by {@link PacketDescriber} and by anything else that prints addresses for people or
 * machines; {@link java.net.Inet6Address#getHostAddress()} does not follow RFC 5952 (it never
 * compresses and keeps scope suffixes).
 */
public final class AddressText {
    private static final int GROUPS = 8;

    private AddressText() {
    }

    /**
     * @param address an IPv4 or IPv6 address
     * @return its canonical text form
     */
    public static String format(InetAddress address) {
        return format(address.getAddress());
    }

    /**
     * @param address 4 bytes (IPv4) or 16 bytes (IPv6), network order
     * @return its canonical text form
     * @throws IllegalArgumentException for any other length
     */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return dotted(address, 0);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not "
                    + address.length);
        }
        if (isIpv4Mapped(address)) {
            return "::ffff:" + dotted(address, 12);
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < GROUPS && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /**
     * Formats the address of {@code length} bytes (4 or 16) at absolute index {@code offset}.
     *
     * @param buffer the packet
     * @param offset absolute index of the address
     * @param length 4 or 16
     * @return its canonical text form
     */
    public static String format(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return format(bytes);
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static String dotted(byte[] a, int from) {
        return (a[from] & 0xff) + "." + (a[from + 1] & 0xff) + "." + (a[from + 2] & 0xff) + "."
                + (a[from + 3] & 0xff);
    }
}
