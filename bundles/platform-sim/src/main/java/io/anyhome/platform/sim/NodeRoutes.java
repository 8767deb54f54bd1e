package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An emulated node's routing: routes in numbered tables and policy rules, looked up as Linux does
 * for the cases anyhome uses: the rules in priority order ({@code from PREFIX lookup TABLE}), then
 * the main table; in a table the longest matching prefix wins, then the lowest metric. Routes
 * through an interface that is administratively down are skipped (Linux removes them).
 */
final class NodeRoutes {
    /** A route with its interface resolved and the protocol that installed it. */
    record Entry(RouteSpec spec, int protocol) {
    }

    /** The result of a lookup: the outgoing interface and the next hop (the destination when on-link). */
    record Hop(int index, byte[] nextHop) {
    }

    final List<Entry> routes = new ArrayList<>();
    final List<PolicyRule> rules = new ArrayList<>();

    /** @return the route with the same destination, table and metric, or null */
    Entry find(RouteSpec spec) {
        for (Entry e : routes) {
            if (e.spec().destination().equals(spec.destination()) && e.spec().table() == spec.table()
                    && e.spec().metric() == spec.metric()) {
                return e;
            }
        }
        return null;
    }

    /** @return the route removeRoute(spec) means: same destination, table, metric, and gateway / index if given */
    Entry match(RouteSpec spec) {
        Entry e = find(spec);
        if (e == null) {
            return null;
        }
        if (spec.gateway() != null && !spec.gateway().equals(e.spec().gateway())) {
            return null;
        }
        if (spec.index() != 0 && spec.index() != e.spec().index()) {
            return null;
        }
        return e;
    }

    List<Entry> removeInterface(int index) {
        List<Entry> gone = routes.stream().filter(e -> e.spec().index() == index).toList();
        routes.removeAll(gone);
        return gone;
    }

    /**
     * @param source the source address, or null if not chosen yet (then only rules from {@code ::/0} or
     *     {@code 0.0.0.0/0} apply)
     * @param destination the destination
     * @param oif the interface the sender is bound to, 0 for any
     * @param up whether an interface index is administratively up
     * @return the hop, or null if no route matches (network unreachable)
     */
    Hop lookup(byte[] source, byte[] destination, int oif, IntPredicate up) {
        List<PolicyRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(PolicyRule::priority));
        for (PolicyRule r : ordered) {
            boolean applies = source == null ? r.from().length() == 0 : Addresses.contains(r.from(), source);
            if (applies && r.from().isIpv6() == (destination.length == 16)) {
                Hop h = lookupTable(r.table(), destination, oif, up);
                if (h != null) {
                    return h;
                }
            }
        }
        return lookupTable(RouteSpec.MAIN_TABLE, destination, oif, up);
    }

    private Hop lookupTable(int table, byte[] destination, int oif, IntPredicate up) {
        Entry best = null;
        for (Entry e : routes) {
            RouteSpec s = e.spec();
            if (s.table() != table || !Addresses.contains(s.destination(), destination) || !up.test(s.index())
                    || (oif != 0 && s.index() != oif)) {
                continue;
            }
            if (best == null || s.destination().length() > best.spec().destination().length()
                    || (s.destination().length() == best.spec().destination().length()
                            && s.metric() < best.spec().metric())) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        byte[] next = best.spec().gateway() == null ? destination : best.spec().gateway().getAddress();
        return new Hop(best.spec().index(), next);
    }

    /** @return true if some route in any table goes to an on-link prefix containing the gateway on that interface */
    boolean onLink(byte[] gateway, int index) {
        for (Entry e : routes) {
            if (e.spec().gateway() == null && e.spec().index() == index
                    && Addresses.contains(e.spec().destination(), gateway)) {
                return true;
            }
        }
        return false;
    }

    /** @return the interface of the first on-link route containing the gateway, 0 if none */
    int interfaceFor(byte[] gateway) {
        for (Entry e : routes) {
            if (e.spec().gateway() == null && e.spec().destination().length() > 0
                    && Addresses.contains(e.spec().destination(), gateway)) {
                return e.spec().index();
            }
        }
        return 0;
    }

    static IpPrefix connected(IpPrefix address) {
        return Objects.requireNonNull(address).network();
    }
}
