package io.anyhome.api.platform;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An ICMPv6 socket, opened with {@link Platform#openIcmpv6(Icmpv6Options)}. The kernel computes
 * the ICMPv6 checksum. Used by ifs (Router Advertisements on all interfaces, Router
 * Solicitations) and the home agent (unsolicited Neighbour Advertisements for home addresses).
 */
@ProviderType
public interface Icmpv6Endpoint extends Endpoint {
    /**
     * Sends one ICMPv6 message.
     *
     * @param src the ICMPv6 message from its type field (position..limit)
     * @param destination the destination address
     * @param interfaceIndex the outgoing interface (required for link-local and multicast destinations), 0
     *        for routing
     * @param hopLimit the hop limit, 1..255 (255 for Neighbour Discovery)
     * @throws PlatformException if the kernel refuses the message
     */
    void send(ByteBuffer src, InetAddress destination, int interfaceIndex, int hopLimit) throws PlatformException;
}
