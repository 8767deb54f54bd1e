package io.anyhome.api.platform;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A UDP socket, opened with {@link Platform#openUdp(UdpOptions)}: the transport of the default
 * {@code udp} encapsulation (port 4191). Used by mobility and the home agent.
 */
@ProviderType
public interface UdpEndpoint extends Endpoint {
    /** @return the bound local address and port */
    InetSocketAddress localAddress();

    /**
     * Sends one datagram.
     *
     * @param src the payload, position..limit
     * @param destination the destination address and port
     * @throws PlatformException if the kernel refuses the datagram
     */
    void send(ByteBuffer src, InetSocketAddress destination) throws PlatformException;

    /**
     * Sends position..limit as several datagrams of {@code segmentSize} bytes each (the last may be
     * shorter) in one call ({@code UDP_SEGMENT}). Where segmentation offload is missing
     * ({@link PlatformCapabilitiesDTO#udpGso}), the platform sends the datagrams one by one.
     *
     * @param src the concatenated payloads
     * @param destination the destination address and port
     * @param segmentSize the size of each datagram but the last, positive
     * @throws PlatformException if the kernel refuses the datagrams
     */
    void sendSegmented(ByteBuffer src, InetSocketAddress destination, int segmentSize) throws PlatformException;
}
