package io.anyhome.api.path;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One way out for the home address's traffic over one uplink: away from home a tunnel from the
 * uplink's care-of address to the home agent, at home the home link itself. Provided by mobility
 * as a service per usable uplink; tracked by ifs, which keeps its own uplink-to-path map and hands
 * paths to the virtual interface's read loop through {@code InterfaceSwitch.pathFor}.
 *
 * <p>{@link #send(ByteBuffer)} is on the forwarding path: it must not block for long, allocate
 * per packet, or throw for a packet it could not send.
 */
@ProviderType
public interface Path {
    /** @return the uplink id (the interface name) this path leaves by */
    String uplink();

    /** @return the current state; a volatile read */
    PathState state();

    /**
     * Sends one inner IPv6 packet (position..limit, starting at the IPv6 header), encapsulated as
     * the path requires. The callee must not keep the buffer after returning; it copies what it
     * needs. The buffer's position and limit may have changed on return; its content between
     * the original position and limit is unchanged.
     *
     * @param packet the packet
     * @return true if the packet was handed to the kernel; false if it was dropped (path not
     *         usable, socket buffer full), which the path counts
     */
    boolean send(ByteBuffer packet);

    /**
     * Sends several inner IPv6 packets of one flow that lie back to back between position and
     * limit, each {@code segmentSize} bytes long but the last, which may be shorter: the segments
     * of one TCP super-packet the virtual interface read with segmentation offload. A path that
     * can hand them to the kernel in one call ({@code UDP_SEGMENT}) does so; the default sends
     * them one by one with {@link #send}. The buffer rules of {@link #send} apply.
     *
     * @param packets the packets
     * @param segmentSize the length of each packet but the last; 0 or less: one packet
     * @return the number of packets handed to the kernel; the others were dropped and counted
     */
    default int sendSegments(ByteBuffer packets, int segmentSize) {
        int start = packets.position();
        int end = packets.limit();
        int step = segmentSize > 0 ? segmentSize : end - start;
        int sent = 0;
        for (int at = start; at < end; at += step) {
            packets.limit(Math.min(end, at + step)).position(at);
            if (send(packets)) {
                sent++;
            }
        }
        packets.limit(end).position(start);
        return sent;
    }

    /** @return a snapshot of the path for the shell */
    PathDTO describe();
}
