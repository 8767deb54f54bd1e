package io.anyhome.api.platform;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route to install or remove with {@link Platform#addRoute(RouteSpec)}: for example the default
 * route via {@code home0} with metric 1 on a mobile node, or an uplink's default route via its
 * router in the uplink's own table.
 *
 * @param destination the destination prefix
 * @param gateway the next hop, or null for an on-link route through {@code index}
 * @param index the outgoing interface index, 0 to let the kernel resolve it from the gateway
 * @param table the routing table, 1 .. 2^31-1 ({@link #MAIN_TABLE} for {@code main})
 * @param metric the metric, lower wins ({@link #DEFAULT_METRIC} is what the kernel gives RA routes)
 */
public record RouteSpec(IpPrefix destination, InetAddress gateway, int index, int table, int metric) {

    /** The {@code main} routing table. */
    public static final int MAIN_TABLE = 254;
    /** The kernel's metric for routes learned from Router Advertisements. */
    public static final int DEFAULT_METRIC = 1024;

    /**
     * Validates the fields.
     *
     * @param destination the destination prefix
     * @param gateway the next hop, or null for an on-link route through {@code index}
     * @param index the outgoing interface index, 0 to let the kernel resolve it from the gateway
     * @param table the routing table, 1 .. 2^31-1 ({@link #MAIN_TABLE} for {@code main})
     * @param metric the metric, lower wins ({@link #DEFAULT_METRIC} is what the kernel gives RA routes)
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RouteSpec {
        Objects.requireNonNull(destination, "destination");
        if (gateway == null && index <= 0) {
            throw new IllegalArgumentException("route to " + destination + " needs a gateway or an interface index");
        }
        if (gateway != null && (gateway instanceof Inet4Address) == destination.isIpv6()) {
            throw new IllegalArgumentException("gateway " + AddressText.format(gateway)
                    + " is not of the same address family as destination " + destination);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (table <= 0) {
            throw new IllegalArgumentException("table " + table + " is not a positive table number");
        }
        if (metric < 0) {
            throw new IllegalArgumentException("metric " + metric + " is negative");
        }
    }

    /**
     * An on-link route through an interface in the main table.
     *
     * @param destination the destination prefix
     * @param index the interface index
     * @param metric the metric
     * @return the route
     */
    public static RouteSpec onLink(IpPrefix destination, int index, int metric) {
        return new RouteSpec(destination, null, index, MAIN_TABLE, metric);
    }

    /**
     * @param otherTable a routing table
     * @return this route in another table
     */
    public RouteSpec inTable(int otherTable) {
        return new RouteSpec(destination, gateway, index, otherTable, metric);
    }
}
