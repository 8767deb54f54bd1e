package io.anyhome.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
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
        Inet6Address v6 = (Inet6Address) address;
        if (v6.getScopedInterface() != null) {
            sb.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            sb.append('%').append(v6.getScopeId());
        }
        return sb.toString();
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
