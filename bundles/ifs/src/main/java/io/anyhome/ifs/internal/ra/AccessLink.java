package io.anyhome.ifs.internal.ra;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.PrefixDTO;
import io.anyhome.api.ifs.RouterDTO;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MovementDetector} knows about one interface: the routers heard on it, the prefixes
 * they advertise, the global addresses the kernel reports on it, and the care-of address chosen
 * among them. Mutable, guarded by the detector's lock; {@link #toDto(String)} makes the snapshot.
 *
 * <p>The care-of address is a global address of the interface that lies in a prefix advertised
 * on the link (so an address of another network left configured, or one made by hand outside the
 * advertised prefixes, is not taken for a care-of address). Among several the one already
 * announced stays while it is usable; otherwise the best by DAD state (usable, optimistic,
 * tentative, duplicate), not deprecated before deprecated, oldest first.
 */
final class AccessLink {
    /**
     * How long a router that is not a default router and sends no Advertisement Interval option
     * is remembered after its last advertisement: three times RFC 4861's default
     * MaxRtrAdvInterval (600 s).
     */
    static final long SILENT_ROUTER_MEMORY_MS = 3 * 600_000L;

    final int index;
    final Map<InetAddress, Router> routers = new LinkedHashMap<>();
    final Map<IpPrefix, Prefix> prefixes = new LinkedHashMap<>();
    final Map<InetAddress, Address> addresses = new LinkedHashMap<>();
    /** The default router movement detection follows, null if none. */
    InetAddress currentRouter;
    /** The care-of address last announced up to the listener, null if none. */
    InetAddress announced;
    long accepted;
    long dropped;
    String lastDropReason;
    long lastMovementAt;
    String lastMovement;

    AccessLink(int index) {
        this.index = index;
    }

    /** A router heard on the link. */
    static final class Router {
        final InetAddress address;
        long lifetimeMs;
        long intervalMs = -1;
        long lastSeenAt;
        long advertisements;
        boolean homeAgent;

        Router(InetAddress address) {
            this.address = address;
        }

        boolean isDefault() {
            return lifetimeMs > 0;
        }

        long expiresAt() {
            return lastSeenAt + lifetimeMs;
        }

        /**
         * When the router counts as lost unless it advertises again: its Router Lifetime ends, or
         * it has been silent for three Advertisement Intervals (RFC 6275 §7.3, §11.5.1).
         */
        long lostAt() {
            long silence = intervalMs > 0 ? lastSeenAt + 3 * intervalMs
                    : isDefault() ? Long.MAX_VALUE : lastSeenAt + SILENT_ROUTER_MEMORY_MS;
            return isDefault() ? Math.min(expiresAt(), silence) : silence;
        }

        /** @return what made it lost at {@link #lostAt()} */
        String lossCause() {
            if (isDefault() && expiresAt() <= lostAt()) {
                return "router lifetime expired";
            }
            return intervalMs > 0 ? "3 advertisement intervals of " + intervalMs + " ms missed"
                    : "silent for " + SILENT_ROUTER_MEMORY_MS / 1000 + " s";
        }
    }

    /** A prefix advertised on the link. */
    static final class Prefix {
        final IpPrefix prefix;
        final long firstSeenAt;
        boolean onLink;
        boolean autonomous;
        /** Epoch milliseconds, -1 for infinity. */
        long validUntil;
        /** Epoch milliseconds, -1 for infinity. */
        long preferredUntil;
        InetAddress router;

        Prefix(IpPrefix prefix, long firstSeenAt) {
            this.prefix = prefix;
            this.firstSeenAt = firstSeenAt;
        }
    }

    /** A global address of the interface with its DAD state, one of the {@code AccessLinkDTO.COA_} values. */
    static final class Address {
        final InetAddress address;
        String state;
        long since;
        boolean deprecated;

        Address(InetAddress address) {
            this.address = address;
        }

        boolean isUp() {
            return AccessLinkDTO.COA_USABLE.equals(state) || AccessLinkDTO.COA_OPTIMISTIC.equals(state);
        }

        int rank() {
            return switch (state) {
                case AccessLinkDTO.COA_USABLE -> 3;
                case AccessLinkDTO.COA_OPTIMISTIC -> 2;
                case AccessLinkDTO.COA_TENTATIVE -> 1;
                default -> 0;
            };
        }
    }

    /** @return the care-of address as described in the class comment, null if none */
    Address careOfAddress() {
        Address kept = announced == null ? null : addresses.get(announced);
        if (kept != null && kept.isUp() && advertised(kept.address)) {
            return kept;
        }
        Address best = null;
        for (Address a : addresses.values()) {
            if (advertised(a.address) && (best == null || a.rank() > best.rank()
                    || a.rank() == best.rank() && best.deprecated && !a.deprecated)) {
                best = a;
            }
        }
        return best;
    }

    private boolean advertised(InetAddress address) {
        for (IpPrefix p : prefixes.keySet()) {
            if (p.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The default router that has advertised most recently, for when the current one is lost. */
    InetAddress newestDefaultRouter() {
        return routers.values().stream().filter(Router::isDefault)
                .max(Comparator.comparingLong(r -> r.lastSeenAt)).map(r -> r.address).orElse(null);
    }

    /** @return whether the link has been heard from at all (only such links are listed) */
    boolean heard() {
        return accepted + dropped > 0;
    }

    AccessLinkDTO toDto(String name) {
        AccessLinkDTO d = new AccessLinkDTO();
        d.interfaceName = name;
        d.index = index;
        List<RouterDTO> rs = new ArrayList<>();
        routers.values().stream().sorted(Comparator.comparingLong((Router r) -> r.lastSeenAt).reversed())
                .forEach(r -> rs.add(router(r)));
        d.routers = rs;
        List<PrefixDTO> ps = new ArrayList<>();
        prefixes.values().forEach(p -> ps.add(prefix(p)));
        d.prefixes = ps;
        Address coa = careOfAddress();
        d.careOfAddress = coa == null ? null : AddressText.format(coa.address);
        d.careOfAddressState = coa == null ? AccessLinkDTO.COA_NONE : coa.state;
        d.careOfAddressSince = coa == null ? 0 : coa.since;
        d.lastMovementAt = lastMovementAt;
        d.lastMovement = lastMovement;
        d.advertisementsAccepted = accepted;
        d.advertisementsDropped = dropped;
        d.lastDropReason = lastDropReason;
        return d;
    }

    private RouterDTO router(Router r) {
        RouterDTO d = new RouterDTO();
        d.address = AddressText.format(r.address);
        d.lifetimeMs = r.lifetimeMs;
        d.expiresAt = r.expiresAt();
        d.advertisementIntervalMs = r.intervalMs;
        d.lastSeenAt = r.lastSeenAt;
        d.advertisements = r.advertisements;
        d.homeAgent = r.homeAgent;
        d.current = r.address.equals(currentRouter);
        return d;
    }

    private static PrefixDTO prefix(Prefix p) {
        PrefixDTO d = new PrefixDTO();
        d.prefix = p.prefix.toString();
        d.onLink = p.onLink;
        d.autonomous = p.autonomous;
        d.validUntil = p.validUntil;
        d.preferredUntil = p.preferredUntil;
        d.router = p.router == null ? null : AddressText.format(p.router);
        d.firstSeenAt = p.firstSeenAt;
        return d;
    }
}
