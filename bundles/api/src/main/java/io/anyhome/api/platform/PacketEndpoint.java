package io.anyhome.api.platform;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A send-only packet socket on one interface ({@code AF_PACKET}, {@code SOCK_DGRAM}), opened with
 * {@link Platform#openPacket(PacketOptions)}: hands whole IPv6 packets to the interface for a
 * next hop whose link-layer address the caller knows, bypassing routing and neighbour discovery.
 * With a virtio-net header in front of each packet ({@link PacketOptions#vnetHeader()}) one call
 * carries a TCP super-packet that the kernel segments (or passes on whole where the interface
 * takes it so). Used by the mobile node at home, whose direct path sends {@code home0}'s
 * super-packets this way. Receives nothing.
 *
 * <p>One or more sending threads may use an endpoint at once.
 */
@ProviderType
public interface PacketEndpoint extends AutoCloseable {
    /** The length of the virtio-net header in front of each packet when {@link #vnetHeader()}. */
    int VNET_HEADER_LENGTH = 10;

    /** @return the interface the endpoint sends on */
    String interfaceName();

    /** @return whether each packet sent starts with a {@link #VNET_HEADER_LENGTH}-byte virtio-net header */
    boolean vnetHeader();

    /**
     * Sends one IPv6 packet.
     *
     * @param packet the packet (position..limit), after a virtio-net header when {@link #vnetHeader()}
     *        whose offsets ({@code csum_start}, {@code hdr_len}) count from the IPv6 header, as a TUN
     *        device's do; the position advances to the limit
     * @param linkLayerAddress the next hop's link-layer address (6 bytes on Ethernet)
     * @throws PlatformException if the kernel refuses the packet (code {@code CLOSED} once closed)
     */
    void send(ByteBuffer packet, byte[] linkLayerAddress) throws PlatformException;

    /** @return true until {@link #close()} */
    boolean isOpen();

    /** Closes the socket; idempotent. */
    @Override
    void close();
}
