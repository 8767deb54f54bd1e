package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Message;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Duplicate address detection and stateless autoconfiguration of an emulated node.
 *
 * <p>DAD (RFC 4862 §5.4): an address added without {@code skipDad} on an interface with
 * {@code accept_dad} &gt; 0 and {@code dad_transmits} &gt; 0 is tentative for
 * {@code dad_transmits} × the node's DAD time (1 s by default, Linux's retransmission timer),
 * optimistic meanwhile if {@code optimistic_dad} is set and the address was autoconfigured
 * (RFC 4429). It then becomes valid, or fails DAD (stays tentative, flagged dadfailed) if another
 * interface on the same link holds it.
 *
 * <p>Router Advertisements are processed on an interface whose {@code accept_ra} is 2, or 1 with
 * forwarding off, when the RA has hop limit 255 and a link-local source: a Router Lifetime above
 * zero installs (or refreshes) a default route via the router, protocol {@code ra}, metric 1024,
 * removed when the lifetime runs out or an RA says 0; each Prefix Information option with L
 * installs an on-link route (metric 256); with A, a /64 prefix and {@code autoconf} on, an
 * address from the prefix and the interface identifier (modified EUI-64, or a stable random one,
 * see {@link SimInterface#stableRandomInterfaceId(boolean)}) is added, or its lifetimes refreshed
 * without an event; it is deprecated when its preferred lifetime ends and removed when its valid
 * lifetime ends. The router becomes a neighbour entry (STALE, router).
 */
final class Autoconf {
    private final SimPlatform node;
    private final SimClock clock;
    private final Map<String, SimClock.Timer> defaultRouteTimers = new HashMap<>();
    Duration dadTime = Duration.ofSeconds(1);

    Autoconf(SimPlatform node, SimClock clock) {
        this.node = node;
        this.clock = clock;
    }

    void startDad(SimInterface i, SimAddress a, boolean skipDad) {
        int transmits = node.setting(i.name(), Ipv6Setting.DAD_TRANSMITS);
        if (skipDad || node.setting(i.name(), Ipv6Setting.ACCEPT_DAD) == 0 || transmits == 0 || a.bytes.length == 4) {
            return;
        }
        a.tentative = true;
        a.optimistic = !a.permanent && node.setting(i.name(), Ipv6Setting.OPTIMISTIC_DAD) != 0;
        a.dadTimer = clock.schedule(dadTime.multipliedBy(transmits), () -> finishDad(i, a));
    }

    private void finishDad(SimInterface i, SimAddress a) {
        if (!i.addresses.contains(a)) {
            return;
        }
        a.optimistic = false;
        if (duplicateOnLink(i, a.bytes)) {
            a.dadFailed = true;
        } else {
            a.tentative = false;
        }
        node.events().address(i, a, Change.NEW);
    }

    private static boolean duplicateOnLink(SimInterface i, byte[] address) {
        if (i.link().isEmpty()) {
            return false;
        }
        for (SimInterface other : i.link().get().interfaces()) {
            if (other != i && other.answersFor(address)) {
                return true;
            }
        }
        return false;
    }

    boolean acceptsRa(SimInterface i) {
        int acceptRa = node.setting(i.name(), Ipv6Setting.ACCEPT_RA);
        return acceptRa == 2 || (acceptRa == 1 && node.setting(i.name(), Ipv6Setting.FORWARDING) == 0);
    }

    void routerAdvertisement(SimInterface in, Packets p, byte[] packet) {
        if (!acceptsRa(in) || p.hopLimit != 255 || !Addresses.isLinkLocal(p.source)) {
            return;
        }
        Icmpv6Message m;
        try {
            m = Icmpv6.decode(ByteBuffer.wrap(packet), p.upperOffset, p.upperLength);
        } catch (MalformedPacketException e) {
            return;
        }
        if (!(m instanceof RouterAdvertisement ra)) {
            return;
        }
        byte[] router = p.source;
        String lladdr = ra.option(NdOption.LinkLayerAddress.class).map(o -> Addresses.mac(o.address())).orElse("");
        node.events().neighbour(node.events().routerEvent(in.index(), router, lladdr));
        defaultRoute(in, router, ra.routerLifetime());
        for (NdOption o : ra.options()) {
            if (o instanceof NdOption.PrefixInformation pio) {
                prefix(in, pio);
            }
        }
    }

    private void defaultRoute(SimInterface in, byte[] router, int lifetimeSeconds) {
        RouteSpec spec = new RouteSpec(IpPrefix.parse("::/0"), Addresses.inet(router), in.index(),
                RouteSpec.MAIN_TABLE, RouteSpec.DEFAULT_METRIC);
        String key = in.index() + " " + Arrays.toString(router);
        SimClock.Timer old = defaultRouteTimers.remove(key);
        if (old != null) {
            old.cancel();
        }
        if (lifetimeSeconds == 0) {
            node.removeRouteEntry(spec);
            return;
        }
        NodeRoutes.Entry existing = node.routes().match(spec);
        if (existing == null) {
            node.putRoute(spec, RouteEvent.PROTOCOL_RA);
        }
        defaultRouteTimers.put(key, clock.schedule(Duration.ofSeconds(lifetimeSeconds), () -> {
            defaultRouteTimers.remove(key);
            node.removeRouteEntry(spec);
        }));
    }

    private void prefix(SimInterface in, NdOption.PrefixInformation pio) {
        if (pio.prefixLength() > 128 || pio.validLifetime() == 0 || Addresses.isLinkLocal(pio.prefix().getAddress())) {
            return;
        }
        IpPrefix prefix = IpPrefix.of(pio.prefix(), pio.prefixLength()).network();
        if (pio.onLink()) {
            RouteSpec onLink = RouteSpec.onLink(prefix, in.index(), 256);
            if (node.routes().find(onLink) == null) {
                node.putRoute(onLink, RouteEvent.PROTOCOL_RA);
            }
        }
        if (!pio.autonomous() || pio.prefixLength() != 64 || node.setting(in.name(), Ipv6Setting.AUTOCONF) == 0) {
            return;
        }
        byte[] bytes = Addresses.withInterfaceId(prefix, in.interfaceId());
        SimAddress a = in.address(bytes);
        boolean fresh = a == null;
        if (fresh) {
            a = new SimAddress(IpPrefix.of(Addresses.inet(bytes), 64), false);
        }
        lifetimes(in, a, pio.validLifetime(), pio.preferredLifetime());
        if (fresh) {
            node.addAddressEntry(in, a, false);
        }
    }

    private void lifetimes(SimInterface i, SimAddress a, long validSeconds, long preferredSeconds) {
        if (a.validTimer != null) {
            a.validTimer.cancel();
        }
        if (a.preferredTimer != null) {
            a.preferredTimer.cancel();
        }
        long now = clock.nanos();
        a.deprecated = preferredSeconds == 0;
        if (validSeconds == NdOption.PrefixInformation.INFINITY) {
            a.validUntilNanos = -1;
        } else {
            a.validUntilNanos = now + Duration.ofSeconds(validSeconds).toNanos();
            SimAddress addr = a;
            a.validTimer = clock.scheduleAt(a.validUntilNanos, () -> node.removeAddressEntry(i, addr));
        }
        if (preferredSeconds == NdOption.PrefixInformation.INFINITY) {
            a.preferredUntilNanos = -1;
        } else {
            a.preferredUntilNanos = now + Duration.ofSeconds(Math.min(preferredSeconds, validSeconds)).toNanos();
            SimAddress addr = a;
            a.preferredTimer = clock.scheduleAt(a.preferredUntilNanos, () -> {
                if (i.addresses.contains(addr) && !addr.deprecated) {
                    addr.deprecated = true;
                    node.events().address(i, addr, Change.NEW);
                }
            });
        }
    }
}
