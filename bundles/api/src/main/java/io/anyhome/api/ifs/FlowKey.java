package io.anyhome.api.ifs;

import io.anyhome.api.AddressText;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Identifies a flow leaving the virtual interface: the 5-tuple plus the IPv6 flow label. Immutable,
 * with value equality, so it serves as a map key. Used in {@link SelectionContext} (active flows)
 * and {@link Decision} (per-flow overrides and duplication).
 *
 * <p>For protocols without ports (ICMPv6, ...) both ports are 0. The source is normally the home
 * address (or an address of the mobile network prefix).
 *
 * @param source the source address
 * @param destination the destination address, of the same family
 * @param protocol the transport protocol number (the upper-layer next header), 0..255
 * @param sourcePort the source port, 0..65535
 * @param destinationPort the destination port, 0..65535
 * @param flowLabel the IPv6 flow label, 0..0xFFFFF (0 for IPv4 and for unlabelled flows)
 */
public record FlowKey(InetAddress source, InetAddress destination, int protocol, int sourcePort,
        int destinationPort, int flowLabel) {

    /** TCP. */
    public static final int TCP = 6;
    /** UDP. */
    public static final int UDP = 17;
    /** ICMPv6. */
    public static final int ICMPV6 = 58;

    /**
     * Validates the fields.
     *
     * @param source the source address
     * @param destination the destination address, of the same family
     * @param protocol the transport protocol number (the upper-layer next header), 0..255
     * @param sourcePort the source port, 0..65535
     * @param destinationPort the destination port, 0..65535
     * @param flowLabel the IPv6 flow label, 0..0xFFFFF (0 for IPv4 and for unlabelled flows)
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public FlowKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw new IllegalArgumentException("source " + AddressText.format(source) + " and destination "
                    + AddressText.format(destination) + " are of different address families");
        }
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 0..255");
        }
        if (sourcePort < 0 || sourcePort > 65535) {
            throw new IllegalArgumentException("sourcePort " + sourcePort + " is outside 0..65535");
        }
        if (destinationPort < 0 || destinationPort > 65535) {
            throw new IllegalArgumentException("destinationPort " + destinationPort + " is outside 0..65535");
        }
        if (flowLabel < 0 || flowLabel > 0xFFFFF) {
            throw new IllegalArgumentException("flowLabel " + flowLabel + " is outside 0..0xFFFFF");
        }
    }

    /** @return for example {@code tcp [2001:db8::1]:40000 > [2001:db8:2::7]:443 label 0x12345} */
    @Override
    public String toString() {
        String proto = switch (protocol) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case ICMPV6 -> "icmpv6";
            default -> "proto " + protocol;
        };
        String s = proto + " [" + AddressText.format(source) + "]:" + sourcePort
                + " > [" + AddressText.format(destination) + "]:" + destinationPort;
        return flowLabel == 0 ? s : s + " label 0x" + Integer.toHexString(flowLabel);
    }
}
