package io.anyhome.vi.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The per-uplink half of the routing recipe (DESIGN, "Data path"): tunnel packets, which leave
 * from an uplink's care-of address, must go out by that uplink and never re-enter
 * {@code home0}.
 *
 * <p>For every global IPv6 address on an uplink it installs {@code from <CoA>/128 lookup
 * <tableBase + ifindex>} at the configured priority (ahead of the main table), and copies every
 * default route the kernel has on that uplink (learned from Router Advertisements, metric 1024)
 * into that table. The VI's own default route has metric 1 in the main table, so everything
 * else, whatever the kernel learned from RAs, goes to {@code home0}; the kernel's RA-learned
 * defaults stay in the main table and only matter for the tunnel sockets through the rules.
 *
 * <p>Driven by the platform's monitor (initial dump, then events), on the monitor's thread.
 * What already exists (left by a node that was killed) is adopted, so a restart repairs rather
 * than fails; {@link #close()} removes everything this instance installed or adopted. Platform
 * errors are reported to the failure sink once each and never thrown from the listener.
 */
final class UplinkRouting implements NetworkListener {
    private static final int EEXIST = 17;
    private static final int ENOENT = 2;
    private static final int ESRCH = 3;

    private final Platform platform;
    private final int viIndex;
    private final ViConfiguration config;
    private final Consumer<String> failures;
    private final Set<Integer> loopbacks = new HashSet<>();
    private final Set<PolicyRule> rules = new LinkedHashSet<>();
    private final Set<RouteSpec> routes = new LinkedHashSet<>();

    UplinkRouting(Platform platform, int viIndex, ViConfiguration config, Consumer<String> failures) {
        this.platform = platform;
        this.viIndex = viIndex;
        this.config = config;
        this.failures = failures;
    }

    @Override
    public synchronized void link(LinkEvent event) {
        if ((event.flags() & LinkEvent.IFF_LOOPBACK) != 0) {
            loopbacks.add(event.index());
        }
        if (event.change() == Change.DELETED) {
            // the kernel drops the link's routes with it; rules are not tied to a link
            routes.removeIf(r -> r.index() == event.index());
            for (PolicyRule rule : new ArrayList<>(rules)) {
                if (rule.table() == config.tableFor(event.index())) {
                    remove(rule);
                }
            }
        }
    }

    @Override
    public synchronized void address(AddressEvent event) {
        if (!isUplink(event.index()) || !(event.address().address() instanceof Inet6Address a)
                || event.scope() != AddressEvent.SCOPE_GLOBAL || a.isLinkLocalAddress()) {
            return;
        }
        PolicyRule rule = new PolicyRule(IpPrefix.host(a), config.tableFor(event.index()),
                config.rulePriority());
        if (event.change() == Change.NEW && !event.dadFailed()) {
            if (!rules.contains(rule)) {
                add(rule);
            }
        } else if (rules.contains(rule)) {
            remove(rule);
        }
    }

    @Override
    public synchronized void route(RouteEvent event) {
        if (!isUplink(event.index()) || !event.isDefault() || event.gateway() == null
                || event.table() != RouteSpec.MAIN_TABLE || !event.destination().isIpv6()) {
            return;
        }
        RouteSpec copy = new RouteSpec(event.destination(), event.gateway(), event.index(),
                config.tableFor(event.index()), event.metric());
        if (event.change() == Change.NEW) {
            if (!routes.contains(copy)) {
                add(copy);
            }
        } else if (routes.contains(copy)) {
            remove(copy);
        }
    }

    /** Removes every rule and route this instance installed or adopted. */
    synchronized void close() {
        for (PolicyRule rule : new ArrayList<>(rules)) {
            remove(rule);
        }
        for (RouteSpec route : new ArrayList<>(routes)) {
            remove(route);
        }
    }

    synchronized List<PolicyRule> rules() {
        return List.copyOf(rules);
    }

    synchronized List<RouteSpec> routes() {
        return List.copyOf(routes);
    }

    private boolean isUplink(int index) {
        return index != viIndex && !loopbacks.contains(index);
    }

    private void add(PolicyRule rule) {
        try {
            platform.addRule(rule);
            rules.add(rule);
        } catch (PlatformException e) {
            if (e.errno() == EEXIST) {
                rules.add(rule); // left by a predecessor: adopt it
            } else {
                failures.accept("adding rule " + rule + ": " + e.getMessage());
            }
        }
    }

    private void remove(PolicyRule rule) {
        rules.remove(rule);
        try {
            platform.removeRule(rule);
        } catch (PlatformException e) {
            if (e.errno() != ENOENT && e.errno() != ESRCH) {
                failures.accept("removing rule " + rule + ": " + e.getMessage());
            }
        }
    }

    private void add(RouteSpec route) {
        try {
            platform.addRoute(route);
            routes.add(route);
        } catch (PlatformException e) {
            if (e.errno() == EEXIST) {
                routes.add(route);
            } else {
                failures.accept("adding route " + route + ": " + e.getMessage());
            }
        }
    }

    private void remove(RouteSpec route) {
        routes.remove(route);
        try {
            platform.removeRoute(route);
        } catch (PlatformException e) {
            if (e.errno() != ENOENT && e.errno() != ESRCH) {
                failures.accept("removing route " + route + ": " + e.getMessage());
            }
        }
    }
}
