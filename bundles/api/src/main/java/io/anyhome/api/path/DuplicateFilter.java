package io.anyhome.api.path;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The receive side of redundant paths: where a flow is duplicated onto a second uplink, the same
 * inner packet arrives twice, and the receiver (the mobile node's and the home agent's tunnel
 * receive loops) delivers it once. Provided by the redundant policy bundle as a service; a
 * receiver without one delivers every copy.
 *
 * <p>{@link #firstCopy(ByteBuffer)} is on the forwarding path: allocation-free, lock-free for
 * different flows, safe from several receive threads.
 */
@ProviderType
public interface DuplicateFilter {
    /**
     * Remembers an inner packet and says whether it is the first copy seen within the filter's
     * window.
     *
     * @param innerPacket the decapsulated IPv6 packet, position..limit; read, not changed
     * @return true to deliver it (first copy, or not a packet the filter can identify); false for
     *         a copy already delivered, which the filter counts
     */
    boolean firstCopy(ByteBuffer innerPacket);

    /** @return copies recognised and suppressed since start */
    long duplicatesSuppressed();
}
