package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.RouteEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The monitor side of an emulated node: its listeners, and the events it sends them, built from
 * the node's state at the current virtual time. Callbacks run synchronously on the thread that
 * caused the change; an exception from one is logged and does not reach the others.
 */
final class NodeEvents {
    private static final System.Logger LOG = System.getLogger(NodeEvents.class.getName());

    private final SimClock clock;
    private final List<NetworkListener> listeners = new ArrayList<>();

    NodeEvents(SimClock clock) {
        this.clock = clock;
    }

    Registration add(NetworkListener listener, Consumer<NetworkListener> dump) {
        dump.accept(listener);
        call(listener, NetworkListener::initialDumpComplete);
        listeners.add(listener);
        return () -> {
            synchronized (clock) {
                listeners.remove(listener);
            }
        };
    }

    LinkEvent linkEvent(SimInterface i, Change change) {
        return new LinkEvent(change, i.index(), i.name(), i.flags(), i.carrier(), i.operState(), i.mtu(), i.kind(),
                i.linkLayerAddress(), clock.epochMillis());
    }

    AddressEvent addressEvent(SimInterface i, SimAddress a, Change change) {
        long now = clock.nanos();
        return new AddressEvent(change, i.index(), a.prefix, scope(a.bytes), a.tentative, a.optimistic,
                a.dadFailed, a.deprecated, a.permanent, remaining(a.preferredUntilNanos, now),
                remaining(a.validUntilNanos, now), clock.epochMillis());
    }

    RouteEvent routeEvent(NodeRoutes.Entry e, Change change) {
        return new RouteEvent(change, e.spec().destination(), e.spec().gateway(), e.spec().index(), e.spec().table(),
                e.spec().metric(), e.protocol(), clock.epochMillis());
    }

    NeighbourEvent proxyEvent(int index, byte[] address, Change change) {
        return new NeighbourEvent(change, index, Addresses.inet(address), "", NeighbourState.NONE, false, true,
                clock.epochMillis());
    }

    NeighbourEvent routerEvent(int index, byte[] address, String lladdr) {
        return new NeighbourEvent(Change.NEW, index, Addresses.inet(address), lladdr, NeighbourState.STALE, true,
                false, clock.epochMillis());
    }

    void link(SimInterface i, Change change) {
        LinkEvent e = linkEvent(i, change);
        fire(l -> l.link(e));
    }

    void address(SimInterface i, SimAddress a, Change change) {
        AddressEvent e = addressEvent(i, a, change);
        fire(l -> l.address(e));
    }

    void route(NodeRoutes.Entry entry, Change change) {
        RouteEvent e = routeEvent(entry, change);
        fire(l -> l.route(e));
    }

    void neighbour(NeighbourEvent e) {
        fire(l -> l.neighbour(e));
    }

    private void fire(Consumer<NetworkListener> call) {
        for (NetworkListener l : List.copyOf(listeners)) {
            call(l, call);
        }
    }

    static void call(NetworkListener l, Consumer<NetworkListener> call) {
        try {
            call.accept(l);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "network listener " + l + " failed", e);
        }
    }

    private static long remaining(long untilNanos, long now) {
        return untilNanos < 0 ? -1 : Math.max(0, (untilNanos - now) / 1_000_000L);
    }

    static int scope(byte[] a) {
        if (Addresses.isLinkLocal(a)) {
            return AddressEvent.SCOPE_LINK;
        }
        if (a.length == 16 && IpPrefix.parse("::1").address().equals(Addresses.inet(a))) {
            return AddressEvent.SCOPE_HOST;
        }
        return AddressEvent.SCOPE_GLOBAL;
    }
}
