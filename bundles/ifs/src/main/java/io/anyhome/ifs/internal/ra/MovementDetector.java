package io.anyhome.ifs.internal.ra;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Movement detection per interface (RFC 6275 §11.5), fed with validated Router Advertisements,
 * the kernel's address, neighbour and link events and the passing of time; tells a
 * {@link MovementListener}. Fed by {@link RouterAdvertisementWatch}, and directly by tests with
 * a manual clock. Thread-safe: every entry point takes one lock, and the listener is called while
 * it is held (so signals keep their order); the listener must not wait for another thread that
 * calls in here.
 *
 * <p>Movement is
 * <ul>
 * <li>a new on-link prefix: a Prefix Information option with the L flag for a prefix the link does
 * not currently know (also the first prefix heard on the link). The link's other routers and the
 * prefixes missing from that advertisement are then taken to belong to the network left
 * behind and are forgotten;</li>
 * <li>the default router lost: its Router Lifetime ended (or it advertised a lifetime of 0),
 * it was silent for three times the interval of its Advertisement Interval option
 * (RFC 6275 §7.3, §11.5.1), or neighbour unreachability detection of it failed. The router and
 * the prefixes it advertised last are forgotten, and the newest remaining default router, if any,
 * is followed instead.</li>
 * </ul>
 * A prefix whose valid lifetime ends (or is advertised as 0) is forgotten without movement.
 * An advertisement with a Router Lifetime of 0 updates its router's entry only: a router that is
 * not a default router gives the link no network to be on, and a departing router (which says
 * so with a lifetime of 0, RFC 4861 §6.2.5, often more than once) must not bring back the
 * prefixes just forgotten with it.
 *
 * <p>Care-of address (see {@link AccessLink}): up when the chosen address is usable (DAD passed)
 * or optimistic (RFC 4429); down when it is removed, fails DAD, its prefix is forgotten, or the
 * interface goes away. Every signal carries the time of what caused it: the event's
 * {@code observedAt}, the advertisement's arrival, or the deadline that passed.
 */
public final class MovementDetector {
    private final MovementListener sink;
    private final Consumer<String> log;
    private final Map<Integer, AccessLink> links = new TreeMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    /** During a fresh dump after lost events: the links and global addresses it reported so far. */
    private Set<Integer> linksInDump;
    private Map<Integer, Set<InetAddress>> addressesInDump;

    /**
     * @param sink told about movement and care-of addresses
     * @param log where a failing listener is reported
     */
    public MovementDetector(MovementListener sink, Consumer<String> log) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Learns interface names; forgets an interface that is deleted (its care-of address goes down).
     * A care-of address announced before its interface had a name (an advertisement or an address
     * can arrive before the link's first event) or under an old name is announced again under the
     * name: down under the old, up under the new.
     *
     * @param event a link event
     */
    public synchronized void linkChanged(LinkEvent event) {
        if (event.change() == Change.NEW && linksInDump != null) {
            linksInDump.add(event.index());
        }
        if (event.change() == Change.NEW) {
            String before = names.put(event.index(), event.name());
            AccessLink link = links.get(event.index());
            if (!event.name().equals(before) && link != null && link.announced != null) {
                String old = before != null ? before : "ifindex" + event.index();
                InetAddress address = link.announced;
                long at = event.observedAt();
                call(() -> sink.careOfAddressDown(old, address, at, "interface named " + event.name()));
                call(() -> sink.careOfAddressUp(event.name(), address, at));
            }
            return;
        }
        AccessLink link = links.remove(event.index());
        if (link != null && link.announced != null) {
            careOfAddressDown(link, link.announced, event.observedAt(), "interface removed");
        }
        names.remove(event.index());
    }

    /**
     * Runs {@code join} (adding a listener to those the sink tells) and then tells {@code listener}
     * every care-of address announced and not withdrawn since, with no signal in between: a
     * listener that arrives late hears the addresses before any later change of them.
     *
     * @param join adds the listener
     * @param listener the listener
     * @param now the time of the announcements, epoch milliseconds
     */
    public synchronized void join(Runnable join, MovementListener listener, long now) {
        join.run();
        for (AccessLink link : links.values()) {
            InetAddress announced = link.announced;
            if (announced != null) {
                String uplink = name(link.index);
                call(() -> listener.careOfAddressUp(uplink, announced, now));
            }
        }
    }

    /**
     * Takes in a valid Router Advertisement.
     *
     * @param index the interface it arrived on
     * @param source its link-local source
     * @param ra the advertisement
     * @param at when it arrived, epoch milliseconds
     */
    public synchronized void advertisementReceived(int index, InetAddress source, RouterAdvertisement ra, long at) {
        AccessLink link = link(index);
        link.accepted++;
        AccessLink.Router router = link.routers.computeIfAbsent(source, AccessLink.Router::new);
        router.lifetimeMs = ra.routerLifetime() * 1000L;
        router.lastSeenAt = at;
        router.intervalMs = ra.option(NdOption.AdvertisementInterval.class)
                .map(NdOption.AdvertisementInterval::intervalMillis).orElse(-1L);
        router.advertisements++;
        router.homeAgent = ra.homeAgent();
        if (!router.isDefault()) {
            if (source.equals(link.currentRouter)) {
                routerLost(link, router, "router lifetime 0", at);
            }
            return;
        }
        List<IpPrefix> advertised = new ArrayList<>();
        List<IpPrefix> fresh = new ArrayList<>();
        boolean withdrawn = false;
        for (NdOption option : ra.options()) {
            if (option instanceof NdOption.PrefixInformation pio && pio.prefixLength() <= 128) {
                IpPrefix prefix = IpPrefix.of(pio.prefix(), pio.prefixLength()).network();
                if (pio.validLifetime() == 0) {
                    withdrawn |= link.prefixes.remove(prefix) != null;
                    continue;
                }
                advertised.add(prefix);
                AccessLink.Prefix p = link.prefixes.get(prefix);
                if (p == null) {
                    p = new AccessLink.Prefix(prefix, at);
                    link.prefixes.put(prefix, p);
                    if (pio.onLink()) {
                        fresh.add(prefix);
                    }
                }
                p.onLink = pio.onLink();
                p.autonomous = pio.autonomous();
                p.validUntil = until(at, pio.validLifetime());
                p.preferredUntil = until(at, pio.preferredLifetime());
                p.router = source;
            }
        }
        if (!fresh.isEmpty()) {
            link.routers.keySet().removeIf(r -> !r.equals(source));
            link.prefixes.keySet().removeIf(p -> !advertised.contains(p));
            link.currentRouter = source;
            String cause = "new on-link prefix " + String.join(", ", fresh.stream().map(IpPrefix::toString).toList());
            movement(link, cause, at);
            reconcile(link, at, "movement: " + cause);
            return;
        }
        if (link.currentRouter == null) {
            link.currentRouter = source;
        }
        reconcile(link, at, withdrawn ? "prefix withdrawn" : "care-of address replaced");
    }

    /**
     * Counts an invalid Router Advertisement.
     *
     * @param index the interface it arrived on
     * @param reason why it was dropped
     * @param at when it arrived, epoch milliseconds
     */
    public synchronized void advertisementDropped(int index, String reason, long at) {
        AccessLink link = link(index);
        link.dropped++;
        link.lastDropReason = reason;
    }

    /**
     * Follows the DAD state and removal of global addresses.
     *
     * @param event an address event
     */
    public synchronized void addressChanged(AddressEvent event) {
        InetAddress address = event.address().address();
        if (event.scope() != AddressEvent.SCOPE_GLOBAL || !(address instanceof Inet6Address)
                || address.isLinkLocalAddress()) {
            return;
        }
        AccessLink link = link(event.index());
        long at = event.observedAt();
        if (event.change() == Change.DELETED) {
            link.addresses.remove(address);
            reconcile(link, at, "address removed");
            return;
        }
        if (addressesInDump != null) {
            addressesInDump.computeIfAbsent(event.index(), i -> new HashSet<>()).add(address);
        }
        AccessLink.Address a = link.addresses.computeIfAbsent(address, AccessLink.Address::new);
        String state = event.dadFailed() ? AccessLinkDTO.COA_DUPLICATE
                : event.tentative() ? (event.optimistic() ? AccessLinkDTO.COA_OPTIMISTIC : AccessLinkDTO.COA_TENTATIVE)
                : AccessLinkDTO.COA_USABLE;
        if (!state.equals(a.state)) {
            a.state = state;
            a.since = at;
        }
        a.deprecated = event.deprecated();
        reconcile(link, at, event.dadFailed() ? "duplicate address detected" : "care-of address replaced");
    }

    /**
     * The platform lost events and dumps links and addresses afresh: what the dump does not
     * report again is gone ({@link #dumpComplete}).
     */
    public synchronized void resynchronising() {
        linksInDump = new HashSet<>();
        addressesInDump = new HashMap<>();
    }

    /**
     * After a fresh dump ({@link #resynchronising}): a link it did not report is forgotten and an
     * address it did not report is removed, each with its care-of address going down, as the
     * lost events would have done; after the first dump, nothing.
     *
     * @param at when the dump completed, epoch milliseconds
     */
    public synchronized void dumpComplete(long at) {
        if (linksInDump == null) {
            return;
        }
        String cause = "gone while events were lost";
        for (AccessLink link : List.copyOf(links.values())) {
            if (!linksInDump.contains(link.index)) {
                links.remove(link.index);
                if (link.announced != null) {
                    careOfAddressDown(link, link.announced, at, "interface " + cause);
                }
                names.remove(link.index);
                continue;
            }
            Set<InetAddress> reported = addressesInDump.getOrDefault(link.index, Set.of());
            if (link.addresses.keySet().removeIf(a -> !reported.contains(a))) {
                reconcile(link, at, "address " + cause);
            }
        }
        linksInDump = null;
        addressesInDump = null;
    }

    /**
     * Treats a failed neighbour unreachability detection of the current default router as its loss.
     *
     * @param event a neighbour event
     */
    public synchronized void neighbourChanged(NeighbourEvent event) {
        AccessLink link = links.get(event.index());
        if (link == null || event.state() != NeighbourState.FAILED || event.change() != Change.NEW
                || !event.address().equals(link.currentRouter)) {
            return;
        }
        routerLost(link, link.routers.get(link.currentRouter), "neighbour unreachable", event.observedAt());
    }

    /**
     * Expires routers (lifetime, missed advertisements) and prefixes (valid lifetime) whose time
     * has come; each signal carries the deadline that passed.
     *
     * @param now the current time, epoch milliseconds
     */
    public synchronized void tick(long now) {
        for (AccessLink link : List.copyOf(links.values())) {
            for (AccessLink.Router r : List.copyOf(link.routers.values())) {
                if (link.routers.containsKey(r.address) && now >= r.lostAt()) {
                    routerLost(link, r, r.lossCause(), r.lostAt());
                }
            }
            boolean expired = false;
            long at = 0;
            for (Iterator<AccessLink.Prefix> it = link.prefixes.values().iterator(); it.hasNext();) {
                AccessLink.Prefix p = it.next();
                if (p.validUntil >= 0 && now >= p.validUntil) {
                    it.remove();
                    expired = true;
                    at = Math.max(at, p.validUntil);
                }
            }
            if (expired) {
                reconcile(link, at, "prefix expired");
            }
        }
    }

    /** @return a snapshot of every interface a Router Advertisement has arrived on, by index */
    public synchronized List<AccessLinkDTO> accessLinks() {
        List<AccessLinkDTO> out = new ArrayList<>();
        for (AccessLink link : links.values()) {
            if (link.heard()) {
                out.add(link.toDto(name(link.index)));
            }
        }
        return out;
    }

    private void routerLost(AccessLink link, AccessLink.Router router, String why, long at) {
        link.routers.remove(router.address);
        link.prefixes.values().removeIf(p -> router.address.equals(p.router));
        if (!router.address.equals(link.currentRouter)) {
            reconcile(link, at, "router lost: " + why);
            return;
        }
        link.currentRouter = link.newestDefaultRouter();
        String cause = "default router lost: " + why;
        movement(link, cause, at);
        reconcile(link, at, "movement: " + cause);
    }

    private void movement(AccessLink link, String cause, long at) {
        link.lastMovement = cause;
        link.lastMovementAt = at;
        String uplink = name(link.index);
        call(() -> sink.movementDetected(uplink, cause, at));
    }

    /** Announces the care-of address going down or up after a change, at the change's time. */
    private void reconcile(AccessLink link, long at, String downCause) {
        AccessLink.Address coa = link.careOfAddress();
        InetAddress up = coa != null && coa.isUp() ? coa.address : null;
        if (link.announced != null && !link.announced.equals(up)) {
            careOfAddressDown(link, link.announced, at, downCause);
        }
        if (up != null && link.announced == null) {
            link.announced = up;
            String uplink = name(link.index);
            call(() -> sink.careOfAddressUp(uplink, up, at));
        }
    }

    private void careOfAddressDown(AccessLink link, InetAddress address, long at, String cause) {
        link.announced = null;
        String uplink = name(link.index);
        call(() -> sink.careOfAddressDown(uplink, address, at, cause));
    }

    private void call(Runnable signal) {
        try {
            signal.run();
        } catch (RuntimeException e) {
            log.accept("movement listener failed: " + e);
        }
    }

    private AccessLink link(int index) {
        return links.computeIfAbsent(index, AccessLink::new);
    }

    private String name(int index) {
        String n = names.get(index);
        return n != null ? n : "ifindex" + index;
    }

    private static long until(long at, long seconds) {
        return seconds == NdOption.PrefixInformation.INFINITY ? -1 : at + seconds * 1000L;
    }
}
