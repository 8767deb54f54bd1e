package io.anyhome.api.vi;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The virtual interface {@code home0}: the one interface the node's applications and kernel see,
 * holding the home address. Provided by vi, which owns the TUN device and its read loop; the
 * tunnel receive loops of mobility call {@link #deliver(ByteBuffer)} to hand decapsulated packets
 * to the kernel, and the shell ({@code vi:}) reads {@link #describe()}.
 */
@ProviderType
public interface VirtualInterface {
    /** @return the interface name, e.g. {@code home0} */
    String name();

    /** @return the home address */
    InetAddress homeAddress();

    /**
     * Writes one inner packet to the kernel through {@code home0}. On the forwarding path: does
     * not allocate per packet and must not keep the buffer after returning (it copies if it must).
     *
     * @param packet an IPv6 (or IPv4) packet from its IP header, position..limit
     * @return true if written; false if dropped (device closed, malformed, queue full), which is
     *         counted by reason in {@link ViCountersDTO#drops}
     */
    boolean deliver(ByteBuffer packet);

    /**
     * Like {@link #deliver(ByteBuffer)}, but the packet may be held to be merged with the ones
     * that follow it from the same receive: TCP segments of one flow become one super-packet for
     * the kernel (receive coalescing, where {@code home0} has virtio-net headers). What is held
     * reaches the kernel at the latest with {@link #flushBatch()} on the same thread, which the
     * caller calls when its receive is handled. The buffer rules of {@link #deliver} apply.
     *
     * @param packet an IPv6 packet from its IP header, position..limit
     * @return true if written or held; false if dropped and counted
     */
    default boolean deliverBatched(ByteBuffer packet) {
        return deliver(packet);
    }

    /** Writes what {@link #deliverBatched} holds for the calling thread; a write that fails is counted. */
    default void flushBatch() {
    }

    /** @return a snapshot of the interface and its counters */
    ViDTO describe();
}
