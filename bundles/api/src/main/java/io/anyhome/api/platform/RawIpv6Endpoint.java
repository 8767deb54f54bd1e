package io.anyhome.api.platform;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A raw IPv6 socket for one next header, opened with {@link Platform#openRawIpv6(RawIpv6Options)}:
 * the transport of the {@code ip6ip6} encapsulation and of Mobility Header signalling. Receives
 * the payload after the IPv6 header (addresses and hop limit come in the {@link ReceiveMetadata}).
 * Used by mobility and the home agent.
 */
@ProviderType
public interface RawIpv6Endpoint extends Endpoint {
    /** @return the next header this endpoint sends and receives */
    int nextHeader();

    /**
     * Sends one packet.
     *
     * @param src the payload after the IPv6 header (position..limit), or the complete packet for
     *        {@link RawIpv6Options#HEADER_INCLUDED}
     * @param destination the destination address (for a complete packet: the first hop to route to)
     * @throws PlatformException if the kernel refuses the packet
     */
    void send(ByteBuffer src, InetAddress destination) throws PlatformException;
}
