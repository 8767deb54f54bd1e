package io.anyhome.api.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the kernel's view of links, addresses, routes and neighbours: first an initial dump
 * (every existing object as a {@link Change#NEW} event), then {@link #initialDumpComplete()},
 * then changes as they happen. Registered with {@link Platform#monitor(NetworkListener)};
 * implemented by ifs, NIC drivers, vi, mobility and the home agent.
 *
 * <p>Callbacks come on the platform's monitor thread, one at a time, in the kernel's order. They
 * must be quick (link loss switches traffic from here): hand longer work to another thread.
 * An exception thrown by a callback is logged by the platform and does not stop the monitor.
 * Every method has an empty default, so a listener overrides only what it needs.
 */
@ConsumerType
public interface NetworkListener {
    /** @param event a link appeared, changed or disappeared */
    default void link(LinkEvent event) {
    }

    /** @param event an address appeared, changed (for example finished DAD) or disappeared */
    default void address(AddressEvent event) {
    }

    /** @param event a route appeared, changed or disappeared */
    default void route(RouteEvent event) {
    }

    /** @param event a neighbour entry appeared, changed state or disappeared */
    default void neighbour(NeighbourEvent event) {
    }

    /** Called once, after the initial dump and before the first change. */
    default void initialDumpComplete() {
    }

    /**
     * The monitor lost events (the kernel's socket buffer overflowed) and will deliver a fresh
     * dump followed by {@link #initialDumpComplete()}; state built from events may be stale.
     */
    default void resynchronising() {
    }
}
