package io.anyhome.api.platform;

import java.net.InetAddress;
import java.util.Set;

/**
 * How to open an {@link Icmpv6Endpoint}: for Router Advertisements, Router and Neighbour
 * Solicitations and Neighbour Advertisements.
 *
 * @param types the ICMPv6 types to receive ({@code ICMP6_FILTER}), empty for all
 * @param bindAddress the local address, or null for any
 * @param device the interface to bind to, or null for all interfaces
 * @param mark the socket mark ({@code SO_MARK}), 0 for none
 */
public record Icmpv6Options(Set<Integer> types, InetAddress bindAddress, String device, int mark) {
    /**
     * Validates and copies the fields.
     *
     * @param types the ICMPv6 types to receive ({@code ICMP6_FILTER}), empty for all
     * @param bindAddress the local address, or null for any
     * @param device the interface to bind to, or null for all interfaces
     * @param mark the socket mark ({@code SO_MARK}), 0 for none
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public Icmpv6Options {
        types = Set.copyOf(types);
        for (int t : types) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("types contains " + t + ", outside 0..255");
            }
        }
        InterfaceNames.requireValidOrNull("device", device);
    }
}
