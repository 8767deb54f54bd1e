package io.anyhome.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * IP addresses as text: RFC 5952 canonical form for output and strict literal parsing (never a
 * DNS lookup) for input.
 *
 * <p>Every DTO carries addresses in the form {@link #format(InetAddress)} produces, so that the
 * shell, {@code --json} output and tests agree; configuration and shell arguments are read with
 * {@link #parse(String)}.
 */
public final class AddressText {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private static final int GROUPS = 8;

    private AddressText() {
    }

    /**
     * Formats an address in RFC 5952 form: lower-case hexadecimal, no leading zeros, the longest
     * run of two or more zero groups (the first of equal runs) compressed to {@code ::}; IPv4 in
     * dotted decimal. A scoped IPv6 address keeps its zone ({@code fe80::1%eth0}).
     *
     * @param address the address
     * @return its canonical text
     */
    public static String format(InetAddress address) {
        Objects.requireNonNull(address, "address");
        String text = format(address.getAddress());
        if (address instanceof Inet6Address v6) {
            if (v6.getScopedInterface() != null) {
                return text + '%' + v6.getScopedInterface().getName();
            }
            if (v6.getScopeId() != 0) {
                return text + '%' + v6.getScopeId();
            }
        }
        return text;
    }

    /**
     * Formats an address given as its 4 or 16 bytes, as {@link #format(InetAddress)} does; an
     * IPv4-mapped IPv6 address keeps its IPv6 form with the last 32 bits dotted
     * ({@code ::ffff:192.0.2.1}, RFC 5952 §5), which an {@link InetAddress} cannot express.
     *
     * @param address 4 or 16 bytes, network order
     * @return its canonical text
     * @throws IllegalArgumentException for any other length
     */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return dotted(address, 0);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
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
     * Formats the 4 or 16 address bytes at an absolute index of a buffer (a packet's source or
     * destination field), without moving the buffer's position.
     *
     * @param buffer the packet
     * @param offset absolute index of the first address byte
     * @param length 4 or 16
     * @return the canonical text
     * @throws IllegalArgumentException for any other length
     * @throws IndexOutOfBoundsException if the bytes are not all in the buffer
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

    /**
     * Parses an IPv4 dotted-quad or IPv6 literal. Host names are refused, never resolved.
     *
     * @param text the literal
     * @return the address
     * @throws IllegalArgumentException if the text is not an address literal
     */
    public static InetAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        boolean literal = t.indexOf(':') >= 0 ? IPV6_CHARS.matcher(t).matches() : IPV4.matcher(t).matches();
        if (!literal) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address literal");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address literal", e);
        }
    }
}
