package io.anyhome.api.platform;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open TUN device (one queue of it): raw IPv6 or IPv4 packets in and out. Opened with
 * {@link Platform#openTun(TunOptions)}; owned by the vi bundle's read loop or the home agent.
 *
 * <p>Reads and writes use the buffer's position and limit like an NIO channel: {@code read} puts
 * one packet at the position and advances it; {@code write} sends the bytes between position and
 * limit as one packet and advances the position to the limit. Direct buffers avoid a copy. One
 * reading thread and one writing thread may work at the same time. Closing the device wakes a
 * blocked reader, which then gets a {@link PlatformException} with code {@code CLOSED}.
 */
@ProviderType
public interface TunDevice extends AutoCloseable {
    /** @return the interface name the kernel gave the device */
    String name();

    /** @return the interface index */
    int index();

    /** @return the length of the virtio-net header in front of every packet, 0 without {@code IFF_VNET_HDR} */
    int vnetHeaderLength();

    /**
     * Reads one packet, waiting until one is available.
     *
     * @param dst where the packet goes; should have room for the MTU (plus the vnet header)
     * @return the number of bytes read
     * @throws PlatformException if the read fails or the device is closed
     */
    int read(ByteBuffer dst) throws PlatformException;

    /**
     * Reads one packet if one is available, without waiting; lets a loop drain a batch after a
     * blocking {@link #read}.
     *
     * @param dst where the packet goes
     * @return the number of bytes read, or -1 if no packet was waiting
     * @throws PlatformException if the read fails or the device is closed
     */
    int tryRead(ByteBuffer dst) throws PlatformException;

    /**
     * Writes one packet, waiting if the device cannot take it now.
     *
     * @param src the packet, between position and limit
     * @throws PlatformException if the write fails or the device is closed
     */
    void write(ByteBuffer src) throws PlatformException;

    /**
     * Writes one packet if the device can take it now.
     *
     * @param src the packet, between position and limit
     * @return true if written, false if the device would have blocked (the buffer is untouched)
     * @throws PlatformException if the write fails or the device is closed
     */
    boolean tryWrite(ByteBuffer src) throws PlatformException;

    /** @return true until {@link #close()} */
    boolean isOpen();

    /** Closes this queue; the device disappears when its last queue closes. Idempotent. */
    @Override
    void close();
}
