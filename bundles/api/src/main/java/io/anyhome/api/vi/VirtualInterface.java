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

    /** @return a snapshot of the interface and its counters */
    ViDTO describe();
}
