package io.anyhome.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address with a prefix length, such as {@code 2001:db8:1::/64} (a route or a
 * home prefix) or {@code 2001:db8:1::5/64} (an interface address with its on-link prefix).
 *
 * <p>Immutable. The address is kept as given; {@link #network()} gives the prefix with host bits
 * cleared. Used by {@code Platform} for addresses, routes and rules, and by mobility and the home
 * agent for home and mobile network prefixes.
 */
public final class IpPrefix {
    private final InetAddress address;
    private final int length;

    private IpPrefix(InetAddress address, int length) {
        this.address = address;
        this.length = length;
    }

    /**
     * @param address the address
     * @param length the prefix length: 0..32 for IPv4, 0..128 for IPv6
     * @return the prefix
     * @throws IllegalArgumentException if the length does not fit the address family
     */
    public static IpPrefix of(InetAddress address, int length) {
        Objects.requireNonNull(address, "address");
        int max = maxLength(address);
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " of "
                    + AddressText.format(address) + " is outside 0.." + max);
        }
        return new IpPrefix(address, length);
    }

    /**
     * @param address the address
     * @return the host prefix of the address ({@code /32} or {@code /128})
     */
    public static IpPrefix host(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return new IpPrefix(address, maxLength(address));
    }

    /**
     * Parses {@code ADDRESS/LENGTH}, or a bare address as its host prefix.
     *
     * @param text the prefix text
     * @return the prefix
     * @throws IllegalArgumentException naming the text if it is not a prefix
     */
    public static IpPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return host(AddressText.parse(t));
        }
        InetAddress address = AddressText.parse(t.substring(0, slash));
        String len = t.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("prefix length '" + len + "' in '" + text + "' is not a number");
        }
        return of(address, Integer.parseInt(len));
    }

    private static int maxLength(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    /** @return the address as given */
    public InetAddress address() {
        return address;
    }

    /** @return the prefix length in bits */
    public int length() {
        return length;
    }

    /** @return true if this is an IPv6 prefix */
    public boolean isIpv6() {
        return !(address instanceof Inet4Address);
    }

    /** @return this prefix with all bits after the prefix length cleared */
    public IpPrefix network() {
        byte[] b = masked(address.getAddress(), length);
        try {
            return new IpPrefix(InetAddress.getByAddress(b), length);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // only thrown for illegal lengths, which cannot occur
        }
    }

    /**
     * @param candidate an address
     * @return true if the address lies within this prefix (a different family never does)
     */
    public boolean contains(InetAddress candidate) {
        byte[] c = candidate.getAddress();
        byte[] a = address.getAddress();
        if (c.length != a.length) {
            return false;
        }
        return java.util.Arrays.equals(masked(c, length), masked(a, length));
    }

    private static byte[] masked(byte[] b, int length) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, length - 8 * i));
            out[i] &= (byte) (0xff00 >>> bits);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.length == length && p.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + length;
    }

    /** @return {@code ADDRESS/LENGTH} with the address in RFC 5952 form */
    @Override
    public String toString() {
        return AddressText.format(address) + "/" + length;
    }
}
