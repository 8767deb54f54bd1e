package io.anyhome.api.platform;

import java.net.InetAddress;

/**
 * How to open a {@link RawIpv6Endpoint}: for the Mobility Header (next header 135) with the
 * checksum computed by anyhome, IPv6-in-IPv6 (41), or whole packets ({@link #HEADER_INCLUDED}).
 *
 * @param nextHeader the IPv6 next header to send and receive, 0..255; {@link #HEADER_INCLUDED}
 *        ({@code IPPROTO_RAW}) sends complete packets built by anyhome (needed for a type 2
 *        routing header, which the kernel refuses through {@code IPV6_RTHDR}) and receives nothing
 * @param checksumOffset where the kernel should compute the checksum ({@code IPV6_CHECKSUM}), or
 *        {@link #CHECKSUM_OFF} to leave the checksum to anyhome (needed when the pseudo-header uses
 *        the home address rather than the real source)
 * @param bindAddress the local address, or null for any
 * @param device the interface to bind to, or null for none
 * @param mark the socket mark ({@code SO_MARK}) for firewall rules, 0 for none
 */
public record RawIpv6Options(int nextHeader, int checksumOffset, InetAddress bindAddress, String device, int mark) {

    /** {@code IPPROTO_RAW}: send complete IPv6 packets. */
    public static final int HEADER_INCLUDED = 255;
    /** Value of {@code checksumOffset} that turns kernel checksumming off. */
    public static final int CHECKSUM_OFF = -1;

    /**
     * Validates the fields.
     *
     * @param nextHeader the IPv6 next header to send and receive, 0..255; {@link #HEADER_INCLUDED} ({@code
     *        IPPROTO_RAW}) sends complete packets built by anyhome (needed for a type 2 routing header, which the
     *        kernel refuses through {@code IPV6_RTHDR}) and receives nothing
     * @param checksumOffset where the kernel should compute the checksum ({@code IPV6_CHECKSUM}), or
     *        {@link #CHECKSUM_OFF} to leave the checksum to anyhome (needed when the pseudo-header uses the home
     *        address rather than the real source)
     * @param bindAddress the local address, or null for any
     * @param device the interface to bind to, or null for none
     * @param mark the socket mark ({@code SO_MARK}) for firewall rules, 0 for none
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RawIpv6Options {
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("nextHeader " + nextHeader + " is outside 0..255");
        }
        if (checksumOffset != CHECKSUM_OFF && (checksumOffset < 0 || checksumOffset % 2 != 0)) {
            throw new IllegalArgumentException("checksumOffset " + checksumOffset
                    + " must be -1 (off) or an even non-negative offset");
        }
        InterfaceNames.requireValidOrNull("device", device);
    }
}
