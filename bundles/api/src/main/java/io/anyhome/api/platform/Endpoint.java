package io.anyhome.api.platform;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What every socket-like endpoint a {@link Platform} opens can do: receive a datagram with its
 * {@link ReceiveMetadata}, and close. Sending depends on the kind: {@link UdpEndpoint},
 * {@link RawIpv6Endpoint}, {@link Icmpv6Endpoint}.
 *
 * <p>Buffers follow NIO rules: a receive puts the datagram at the position and advances it; a
 * send sends position..limit and advances the position to the limit. One receiving thread and
 * any number of sending threads may use an endpoint at once. Closing wakes a blocked receiver,
 * which then gets a {@link PlatformException} with code {@code CLOSED}.
 */
@ProviderType
public interface Endpoint extends AutoCloseable {
    /**
     * Receives one datagram, waiting until one arrives.
     *
     * @param dst where the datagram goes; a datagram longer than the room left is truncated
     * @param metadata filled in with the datagram's source, arrival interface and hop limit
     * @return the number of bytes received
     * @throws PlatformException if the receive fails or the endpoint is closed
     */
    int receive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException;

    /**
     * Receives one datagram if one is waiting, without blocking.
     *
     * @param dst where the datagram goes
     * @param metadata filled in as for {@link #receive}
     * @return the number of bytes received, or -1 if nothing was waiting
     * @throws PlatformException if the receive fails or the endpoint is closed
     */
    int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException;

    /** @return true until {@link #close()} */
    boolean isOpen();

    /** Closes the endpoint. Idempotent. */
    @Override
    void close();
}
