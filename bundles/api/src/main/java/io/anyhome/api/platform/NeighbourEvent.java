package io.anyhome.api.platform;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A neighbour cache or proxy entry as rtnetlink reports it ({@code RTM_NEWNEIGH} /
 * {@code RTM_DELNEIGH}). Delivered to {@link NetworkListener#neighbour(NeighbourEvent)}; used by
 * ifs to watch the default routers' reachability and by the home agent to check its proxy entries.
 *
 * @param change present or gone
 * @param index the interface index
 * @param address the neighbour's IP address
 * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if unresolved
 * @param state the state
 * @param router true if the neighbour is a router ({@code NTF_ROUTER})
 * @param proxy true for a proxy entry ({@code NTF_PROXY})
 * @param observedAt when the platform received the event, epoch milliseconds
 */
public record NeighbourEvent(Change change, int index, InetAddress address, String linkLayerAddress,
        NeighbourState state, boolean router, boolean proxy, long observedAt) {

    /**
     * Validates the fields.
     *
     * @param change present or gone
     * @param index the interface index
     * @param address the neighbour's IP address
     * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if unresolved
     * @param state the state
     * @param router true if the neighbour is a router ({@code NTF_ROUTER})
     * @param proxy true for a proxy entry ({@code NTF_PROXY})
     * @param observedAt when the platform received the event, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public NeighbourEvent {
        Objects.requireNonNull(change, "change");
        if (index <= 0) {
            throw new IllegalArgumentException("index " + index + " is not a positive interface index");
        }
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        linkLayerAddress = linkLayerAddress == null ? "" : linkLayerAddress;
    }
}
