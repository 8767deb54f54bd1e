package io.anyhome.api.platform;

import io.anyhome.api.IpPrefix;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route as rtnetlink reports it ({@code RTM_NEWROUTE} / {@code RTM_DELROUTE}). Delivered to
 * {@link NetworkListener#route(RouteEvent)}; used by ifs to learn each uplink's default router
 * (routes learned from Router Advertisements have protocol {@link #PROTOCOL_RA}).
 *
 * @param change present or gone
 * @param destination the destination prefix ({@code ::/0} for a default route)
 * @param gateway the next hop, or null for an on-link route
 * @param index the outgoing interface index, 0 if none
 * @param table the routing table ({@link RouteSpec#MAIN_TABLE} is {@code main})
 * @param metric the metric (priority), lower wins
 * @param protocol who installed it ({@code RTPROT_*}): {@link #PROTOCOL_KERNEL}, {@link #PROTOCOL_RA}, ...
 * @param observedAt when the platform received the event, epoch milliseconds
 */
public record RouteEvent(Change change, IpPrefix destination, InetAddress gateway, int index, int table,
        int metric, int protocol, long observedAt) {

    /** Installed by the kernel ({@code RTPROT_KERNEL}). */
    public static final int PROTOCOL_KERNEL = 2;
    /** Installed at boot or by an administrator ({@code RTPROT_BOOT}). */
    public static final int PROTOCOL_BOOT = 3;
    /** Installed statically ({@code RTPROT_STATIC}). */
    public static final int PROTOCOL_STATIC = 4;
    /** Learned from a Router Advertisement ({@code RTPROT_RA}). */
    public static final int PROTOCOL_RA = 9;

    /**
     * Validates the fields.
     *
     * @param change present or gone
     * @param destination the destination prefix ({@code ::/0} for a default route)
     * @param gateway the next hop, or null for an on-link route
     * @param index the outgoing interface index, 0 if none
     * @param table the routing table ({@link RouteSpec#MAIN_TABLE} is {@code main})
     * @param metric the metric (priority), lower wins
     * @param protocol who installed it ({@code RTPROT_*}): {@link #PROTOCOL_KERNEL}, {@link #PROTOCOL_RA},
     *        ...
     * @param observedAt when the platform received the event, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RouteEvent {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(destination, "destination");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (metric < 0) {
            throw new IllegalArgumentException("metric " + metric + " is negative");
        }
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 0..255");
        }
    }

    /** @return true for a default route ({@code ::/0} or {@code 0.0.0.0/0}) */
    public boolean isDefault() {
        return destination.length() == 0;
    }
}
