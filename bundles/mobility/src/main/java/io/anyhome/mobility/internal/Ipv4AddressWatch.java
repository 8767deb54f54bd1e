package io.anyhome.mobility.internal;

import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Follows the global IPv4 addresses of the node's interfaces (rtnetlink, through
 * {@link io.anyhome.api.platform.Platform#monitor}) and reports them to the
 * {@link CareOfAddressChoice} as candidate care-of addresses (RFC 5555). IPv4 has no Router
 * Advertisements to detect movement with: an address that appears (configured statically or by a
 * DHCP client) is up, one that is removed, or whose interface is deleted, is down. Loopback
 * (127/8), link-local (169.254/16) and non-global scopes are ignored. With several addresses on
 * one interface the first one stays until it goes.
 *
 * <p>Registered by {@link MobilityComponent} only when {@code homeAgentIpv4} is configured; called
 * on the platform's monitor thread, one event at a time.
 */
final class Ipv4AddressWatch implements NetworkListener {
    private final CareOfAddressChoice choice;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Set<InetAddress>> addresses = new HashMap<>();
    private final Map<Integer, InetAddress> announced = new HashMap<>();

    /** @param choice told of each interface's IPv4 address */
    Ipv4AddressWatch(CareOfAddressChoice choice) {
        this.choice = choice;
    }

    @Override
    public synchronized void link(LinkEvent event) {
        if (event.change() == Change.DELETED) {
            String name = names.remove(event.index());
            InetAddress gone = announced.remove(event.index());
            addresses.remove(event.index());
            if (name != null && gone != null) {
                choice.down(name, gone, "interface removed");
            }
            return;
        }
        names.put(event.index(), event.name());
        reconcile(event.index(), "address removed");
    }

    @Override
    public synchronized void address(AddressEvent event) {
        InetAddress a = event.address().address();
        if (!(a instanceof Inet4Address) || event.scope() != AddressEvent.SCOPE_GLOBAL || a.isLoopbackAddress()
                || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return;
        }
        Set<InetAddress> set = addresses.computeIfAbsent(event.index(), k -> new LinkedHashSet<>());
        if (event.change() == Change.DELETED) {
            set.remove(a);
        } else {
            set.add(a);
        }
        reconcile(event.index(), "address removed");
    }

    private void reconcile(int index, String cause) {
        String name = names.get(index);
        if (name == null) {
            return; // told when the link's name is known
        }
        Set<InetAddress> set = addresses.getOrDefault(index, Set.of());
        InetAddress current = announced.get(index);
        if (current != null && set.contains(current)) {
            return;
        }
        if (current != null) {
            announced.remove(index);
            choice.down(name, current, cause);
        }
        if (!set.isEmpty()) {
            InetAddress next = set.iterator().next();
            announced.put(index, next);
            choice.up(name, next);
        }
    }
}
