package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.UplinkListener;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.mobility.MobilityStatisticsDTO;
import io.anyhome.api.mobility.MobilityStatusDTO;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshRequest;
import io.anyhome.packet.mh.MobilityMessage;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mobile node: one {@link TunnelPath} per uplink with a care-of address, the
 * {@link BindingUpdateList}, and the rules that tie them to what interface switching says.
 *
 * <ul>
 * <li>The first registration does not wait for the switch (which chooses only paths that are up,
 *     and a path comes up only once the home agent knows the home address): it goes through the
 *     first uplink that got a care-of address. After that the registered uplink follows the
 *     switch's default uplink ({@link #decisionChanged}).</li>
 * <li>Moving registers the new care-of address first; until its Binding Acknowledgement the
 *     other paths hand their packets to the registered one while it is usable (see
 *     {@link TunnelPath}). When the registered path dies (care-of address lost, uplink down,
 *     probes unanswered), the node registers at once through the decided uplink if it is alive,
 *     else through the best live path.</li>
 * <li>Each uplink's care-of address is chosen by {@link CareOfAddressChoice}: the IPv6 one movement
 *     detection reports, else (with {@code homeAgentIpv4}) its IPv4 address, whose path tunnels to
 *     the home agent's IPv4 address (RFC 5555); a NAT the home agent reports is kept open by
 *     {@link NatTraversal}.</li>
 * <li>Returning home (RFC 6275 §11.5.5): when an uplink is on the home link (its Router
 *     Advertisements announce the home prefix, or its address is on it: {@link HomeLinkDetection};
 *     asked after every movement and whenever an uplink comes up, since a short loss of carrier
 *     brings no movement), the node opens the {@link HomeLink} there and deregisters natively from the home address,
 *     whatever the switch decided before. Until the acknowledgement the tunnels carry the traffic;
 *     after it every tunnel path hands its packets to the home link, so the traffic stays direct
 *     while the switch has not chosen the home uplink yet (a policy's hold-down). No care-of
 *     address is registered while at home: the home agent's Binding Errors and refresh requests
 *     are ignored, and the tunnel paths pause their probes (the home agent would answer them
 *     with rate-limited Binding Errors only) and keep their state for leaving.</li>
 * <li>Leaving home: the home uplink goes down, its address on the home prefix goes and the
 *     prefix is no longer advertised, or the switch, having chosen the home uplink, chooses
 *     another. The home link is closed first (the node stops answering for its home address),
 *     then a care-of address is registered as above.</li>
 * </ul>
 *
 * <p>No OSGi imports; {@link MobilityComponent} registers it as the services it implements.
 */
final class MobileNode implements MobilityService, MovementListener, DecisionListener, UplinkListener,
        BindingUpdateList.Listener, BindingUpdateSender, TunnelPath.Events, HomeLink.Events {
    private static final Logger LOG = Logger.getLogger(MobileNode.class.getName());

    private final MobilityConfiguration config;
    private final Timers timers;
    private final NodeServices services;
    private final Signalling signalling;
    private final MobilityCounters counters = new MobilityCounters();
    private final BindingUpdateList bul;
    private final InetSocketAddress homeAgent;
    private final InetSocketAddress homeAgentIpv4;
    private final CareOfAddressChoice careOfAddresses;
    private final NatTraversal nat;
    private final Map<String, TunnelPath> paths = new ConcurrentHashMap<>();
    private final Set<String> uplinksSeen = ConcurrentHashMap.newKeySet();
    private volatile String decided;
    private volatile HomeLink home;
    private boolean homeChosen;
    private volatile String failure;
    private boolean closed;

    /**
     * @param config the settings
     * @param initialSequence the sequence number before the first Binding Update
     * @param timers time and timers
     * @param services the rest of the node
     */
    MobileNode(MobilityConfiguration config, int initialSequence, Timers timers, NodeServices services) {
        this.config = config;
        this.timers = timers;
        this.services = services;
        this.signalling = new Signalling(config.homeAddress(), config.homeAgent(), config.identity(), config.spi(),
                config.algorithm(), config.key());
        this.homeAgent = new InetSocketAddress(config.homeAgent(), config.port());
        this.homeAgentIpv4 = config.homeAgentIpv4() == null ? null
                : new InetSocketAddress(config.homeAgentIpv4(), config.port());
        this.careOfAddresses = new CareOfAddressChoice(homeAgentIpv4 != null, uplink -> services.technology(uplink) != null,
                new CareOfAddressChoice.Sink() {
                    @Override
                    public void use(String uplink, InetAddress careOf) {
                        useCareOfAddress(uplink, careOf);
                    }

                    @Override
                    public void lose(String uplink, InetAddress careOf, String cause) {
                        loseCareOfAddress(uplink, careOf);
                    }
                });
        this.nat = new NatTraversal(timers);
        this.bul = new BindingUpdateList(config.homeAddress(), config.homeAgent(), config.lifetimeSeconds(),
                initialSequence, timers, this, this, counters);
        this.failure = "no uplink has a care-of address yet";
    }

    // ---- movement, decisions, uplinks (ifs) ----

    @Override
    public void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
        uplinksSeen.add(uplink);
        if (HomeLinkDetection.onHomePrefix(config.homePrefix(), careOfAddress)) {
            // an address on the home prefix is no care-of address: the uplink is on the home link
            timers.schedule(0, () -> arriveHome(uplink, "address " + AddressText.format(careOfAddress)
                    + " on the home prefix"));
            return;
        }
        careOfAddresses.up(uplink, careOfAddress);
    }

    /** Opens (or replaces) the uplink's path from the care-of address {@link CareOfAddressChoice} chose. */
    private void useCareOfAddress(String uplink, InetAddress careOfAddress) {
        TunnelPath replaced = null;
        TunnelPath path;
        synchronized (this) {
            if (closed) {
                return;
            }
            TunnelPath existing = paths.get(uplink);
            if (existing != null && existing.careOf().equals(careOfAddress)) {
                return;
            }
            if (existing != null) {
                replaced = detach(existing);
            }
            try {
                path = openPath(uplink, careOfAddress);
            } catch (PlatformException e) {
                failure = "cannot open the tunnel socket on " + uplink + " from " + AddressText.format(careOfAddress)
                        + ": " + e.getMessage();
                LOG.log(Level.WARNING, failure);
                return;
            }
            paths.put(uplink, path);
            path.pauseProbes(home != null && home.state() == PathState.UP);
            failure = null;
            bindingChanged(bul.registeredUplink(), bul.pendingUplink());
            String registered = bul.registeredUplink();
            if (home == null && ((registered == null && bul.pendingUplink() == null) || uplink.equals(decided))) {
                bul.register(uplink, careOfAddress);
            }
        }
        // services and paths are told outside this node's lock: their listeners (ifs) may call back
        if (replaced != null) {
            retire(replaced);
        }
        services.publish(path);
        services.startReceiving(path);
        path.start();
    }

    private TunnelPath openPath(String uplink, InetAddress careOf) throws PlatformException {
        UdpEndpoint endpoint = services.openTunnelSocket(uplink, careOf);
        String technology = services.technology(uplink);
        ProbeSettings probes = config.probes();
        InetSocketAddress to = careOf instanceof Inet4Address ? homeAgentIpv4 : homeAgent;
        return new TunnelPath(uplink, careOf, to, endpoint, signalling, probes.intervalFor(technology),
                probes.missesFor(technology), probes.degradedLossRatio(), timers, this, counters);
    }

    @Override
    public void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause) {
        if (HomeLinkDetection.onHomePrefix(config.homePrefix(), careOfAddress)) {
            timers.schedule(0, () -> checkHome(uplink, true));
            return;
        }
        careOfAddresses.down(uplink, careOfAddress, cause);
    }

    /** Closes the uplink's path: {@link CareOfAddressChoice} has no care-of address for it any more. */
    private void loseCareOfAddress(String uplink, InetAddress careOfAddress) {
        TunnelPath path;
        synchronized (this) {
            path = paths.get(uplink);
            if (path == null || !path.careOf().equals(careOfAddress)) {
                return;
            }
            detach(path);
            reconsider();
        }
        retire(path);
    }

    /** Takes a path out of use (under this node's lock); {@link #retire} finishes outside it. */
    private TunnelPath detach(TunnelPath path) {
        paths.remove(path.uplink(), path);
        bul.uplinkLost(path.uplink());
        bindingChanged(bul.registeredUplink(), bul.pendingUplink());
        if (paths.isEmpty()) {
            failure = "no uplink has a care-of address";
        }
        return path;
    }

    private void retire(TunnelPath path) {
        services.withdraw(path);
        path.close();
        nat.forget(path);
    }

    @Override
    public void movementDetected(String uplink, String cause, long atMillis) {
        // away from home, the care-of address events that follow a movement are what this node acts
        // on; whether the uplink reached (or left) the home link is read from its advertised prefixes,
        // on the timer thread (this is called under movement detection's lock)
        timers.schedule(0, () -> checkHome(uplink, false));
    }

    // ---- at home (RFC 6275 §11.5.5) ----

    /**
     * Goes home through an uplink whose advertised prefixes include the home prefix; leaves the
     * home link when it advertises other prefixes only, or its address on the home prefix went
     * and nothing is advertised any more. Asked after a movement, and when an uplink comes up.
     */
    private void checkHome(String uplink, boolean homeAddressGone) {
        List<io.anyhome.api.IpPrefix> prefixes = services.onLinkPrefixes(uplink);
        if (HomeLinkDetection.advertisesHome(config.homePrefix(), prefixes)) {
            arriveHome(uplink, "home prefix " + config.homePrefix() + " advertised");
            return;
        }
        HomeLink h = home;
        if (h != null && h.uplink().equals(uplink) && (!prefixes.isEmpty() || homeAddressGone)) {
            leaveHome(prefixes.isEmpty() ? "its address on the home prefix went" : "it advertises " + prefixes
                    + ", not the home prefix");
        }
    }

    private void arriveHome(String uplink, String why) {
        HomeLink link;
        synchronized (this) {
            if (closed || home != null && home.uplink().equals(uplink)) {
                return;
            }
            if (home != null) {
                return; // at home through another uplink already: one home link at a time
            }
            try {
                link = new HomeLink(uplink, config.homeAddress(), config.homeAgent(),
                        services.openHomeLink(uplink, config.homeAddress()), this, timers, counters);
            } catch (PlatformException | RuntimeException e) {
                failure = "cannot open the home link on " + uplink + ": " + e.getMessage();
                LOG.log(Level.WARNING, failure);
                return;
            }
            home = link;
            homeChosen = uplink.equals(decided);
            failure = null;
            handOffs();
            LOG.info(() -> "on the home link through " + uplink + " (" + why + "): deregistering from the home agent");
            bul.returnHome(uplink);
        }
        services.publish(link);
        services.startHomeLink(link);
    }

    /** Leaves the home link: stops answering for the home address, then registers a care-of address. */
    private void leaveHome(String why) {
        HomeLink link;
        PathState before;
        synchronized (this) {
            link = home;
            if (link == null) {
                return;
            }
            home = null;
            homeChosen = false;
            before = link.state();
            link.close();
            paths.values().forEach(p -> p.pauseProbes(false));
            bul.uplinkLost(link.uplink());
            handOffs();
            LOG.info(() -> "left the home link " + link.uplink() + " (" + why + "): registering a care-of address");
            reconsider();
        }
        services.withdraw(link);
        services.pathStateChanged(link, before, PathState.DOWN, timers.epochMillis());
    }

    /** Every tunnel path hands its packets to the home link while at home, else to the registered path. */
    private void handOffs() {
        HomeLink h = home;
        String registeredUplink = bul.registeredUplink();
        Path target = h != null ? h : registeredUplink == null ? null : paths.get(registeredUplink);
        for (TunnelPath p : paths.values()) {
            p.handOffTo(target);
        }
    }

    @Override
    public void homeSignalling(HomeLink link, ByteBuffer packet) {
        MobilityMessage message;
        try {
            message = signalling.decode(packet, packet.position());
        } catch (io.anyhome.packet.MalformedPacketException e) {
            counters.drop("malformed");
            return;
        }
        if (!(message instanceof BindingAcknowledgement ba)) {
            counters.drop("unexpected-mobility-header");
            return;
        }
        boolean authentic = signalling.authentic(packet, packet.position(), config.homeAddress());
        boolean accepted;
        synchronized (this) {
            if (home != link) {
                return;
            }
            accepted = bul.onAcknowledgement(ba, authentic) && ba.status().accepted();
            if (accepted) {
                link.arrived();
                paths.values().forEach(p -> p.pauseProbes(true));
            }
        }
        if (accepted) {
            LOG.info(() -> "at home on " + link.uplink() + ": the home agent removed the binding; traffic goes"
                    + " directly over the home link");
            services.pathStateChanged(link, PathState.CONNECTING, PathState.UP, timers.epochMillis());
        } else if (!ba.status().accepted()) {
            LOG.warning(() -> "the home agent refused the deregistration from home: " + ba.status());
        }
    }

    @Override
    public void decisionChanged(Decision previous, Decision current, long atMillis) {
        String uplink = current.defaultUplink().orElse(null);
        decided = uplink;
        HomeLink h = home;
        if (h != null) {
            boolean leave;
            synchronized (this) {
                if (h.uplink().equals(uplink)) {
                    homeChosen = true;
                }
                // before the switch first chose the home uplink its decisions are from before the arrival
                leave = homeChosen && uplink != null && !h.uplink().equals(uplink);
            }
            if (!leave) {
                return;
            }
            leaveHome("the switch prefers " + uplink);
        }
        synchronized (this) {
            TunnelPath path = uplink == null ? null : paths.get(uplink);
            if (path == null || path.state() == PathState.DOWN || closed) {
                return;
            }
            if (!uplink.equals(bul.registeredUplink()) || bul.pendingUplink() != null
                    && !uplink.equals(bul.pendingUplink())) {
                bul.register(uplink, path.careOf());
            }
        }
    }

    @Override
    public void uplinkUp(String uplink, long atMillis) {
        uplinksSeen.add(uplink);
        careOfAddresses.recheck(uplink);
        TunnelPath path = paths.get(uplink);
        if (path != null) {
            path.uplinkUp();
        }
        // movement detection keeps an uplink's prefixes across a short loss of carrier and then
        // reports no movement: an uplink that comes back on the home link is home again
        timers.schedule(0, () -> checkHome(uplink, false));
    }

    @Override
    public void uplinkDown(String uplink, long atMillis, String cause) {
        uplinksSeen.add(uplink);
        HomeLink h = home;
        if (h != null && h.uplink().equals(uplink)) {
            leaveHome("uplink down: " + cause);
        }
        TunnelPath path = paths.get(uplink);
        if (path != null) {
            path.uplinkDown(cause);
            bul.uplinkLost(uplink);
            synchronized (this) {
                reconsider();
            }
        }
    }

    /** Registers through a live path when the registered one (or the one being registered) is gone or dead. */
    private void reconsider() {
        if (closed || home != null) {
            return;
        }
        String registered = bul.registeredUplink();
        String pending = bul.pendingUplink();
        if (alive(pending) || pending == null && alive(registered)) {
            return;
        }
        TunnelPath target = decided == null ? null : paths.get(decided);
        if (target == null || target.state() == PathState.DOWN) {
            target = best();
        }
        if (target != null) {
            bul.register(target.uplink(), target.careOf());
        }
    }

    private synchronized void reconsiderLater() {
        reconsider();
    }

    private boolean alive(String uplink) {
        TunnelPath p = uplink == null ? null : paths.get(uplink);
        return p != null && p.state() != PathState.DOWN;
    }

    private TunnelPath best() {
        TunnelPath best = null;
        for (TunnelPath p : paths.values()) {
            if (p.state() != PathState.DOWN && (best == null || rank(p.state()) < rank(best.state()))) {
                best = p;
            }
        }
        return best;
    }

    private static int rank(PathState s) {
        return switch (s) {
            case UP -> 0;
            case DEGRADED -> 1;
            case CONNECTING -> 2;
            case DOWN -> 3;
        };
    }

    // ---- the machine's callbacks ----

    @Override
    public void bindingChanged(String registeredUplink, String pendingUplink) {
        HomeLink h = home;
        Path target = h != null ? h : registeredUplink == null ? null : paths.get(registeredUplink);
        for (TunnelPath p : paths.values()) {
            p.handOffTo(target);
        }
    }

    @Override
    public boolean sendBindingUpdate(String uplink, InetAddress careOf, int sequence, int lifetimeUnits,
            long timestamp) {
        HomeLink h = home;
        if (h != null && h.uplink().equals(uplink)) {
            return h.sendSignalling(signalling.bindingUpdate(careOf, sequence, lifetimeUnits, timestamp));
        }
        TunnelPath path = paths.get(uplink);
        if (path == null) {
            return false;
        }
        return path.sendSignalling(signalling.bindingUpdate(careOf, sequence, lifetimeUnits, timestamp));
    }

    // ---- the paths' callbacks ----

    @Override
    public void stateChanged(TunnelPath path, PathState previous, PathState current, long atEpochMillis) {
        services.pathStateChanged(path, previous, current, atEpochMillis);
        if (current == PathState.DOWN) {
            // not under the path's lock: reconsider takes this node's lock, which is taken before paths' locks
            timers.schedule(0, this::reconsiderLater);
        }
    }

    @Override
    public void measured(TunnelPath path, double rttMs, double lossRatio, double jitterMs) {
        Map<String, Double> metrics = new HashMap<>();
        if (rttMs >= 0) {
            metrics.put(NicMetrics.RTT_MS, rttMs);
            metrics.put(NicMetrics.JITTER_MS, jitterMs);
        }
        if (lossRatio >= 0) {
            metrics.put(NicMetrics.LOSS_RATIO, lossRatio);
        }
        services.reportProbe(path.uplink(), metrics);
    }

    @Override
    public void signalling(TunnelPath path, MobilityMessage message, ByteBuffer packet, int mhOffset) {
        if (message instanceof BindingAcknowledgement ba) {
            boolean authentic = signalling.authentic(packet, mhOffset, path.careOf());
            String before = bul.registeredUplink();
            if (bul.onAcknowledgement(ba, authentic)) {
                path.alive();
                nat.acknowledged(path, ba);
                if (ba.status().accepted() && !path.uplink().equals(before)) {
                    LOG.info(() -> "registered with the home agent through " + path.uplink() + " (care-of address "
                            + AddressText.format(path.careOf()) + ", " + ba.lifetimeSeconds() + " s)");
                } else if (!ba.status().accepted()) {
                    LOG.warning(() -> "the home agent refused the binding through " + path.uplink() + ": "
                            + ba.status());
                }
            }
        } else if (home != null && (message instanceof BindingError || message instanceof BindingRefreshRequest)) {
            counters.drop("at-home");
        } else if (message instanceof BindingError be) {
            bul.onBindingError(be, path.uplink(), path.careOf());
        } else if (message instanceof BindingRefreshRequest) {
            bul.onRefreshRequest();
        } else {
            counters.drop("unexpected-mobility-header");
        }
    }

    @Override
    public void data(TunnelPath path, ByteBuffer packet) {
        services.deliver(packet);
    }

    @Override
    public void received(TunnelPath path) {
        services.flushDelivered();
    }

    // ---- MobilityService ----

    @Override
    public List<BindingDTO> bindings() {
        List<BindingDTO> list = new ArrayList<>(bul.bindings());
        for (BindingDTO d : list) {
            TunnelPath path = d.uplink == null ? null : paths.get(d.uplink);
            NatKeepalive keepalive = path == null ? null : nat.keepalive(path);
            if (keepalive != null) {
                d.behindNat = true;
                d.natRefreshMs = keepalive.refreshMillis();
                d.natKeepalivesSent = keepalive.keepalivesSent();
            }
        }
        HomeLink h = home;
        if (h != null && h.state() == PathState.UP) {
            BindingDTO d = new BindingDTO();
            d.uplink = h.uplink();
            d.homeAddress = AddressText.format(config.homeAddress());
            d.careOfAddress = d.homeAddress;
            d.homeAgentAddress = AddressText.format(config.homeAgent());
            d.encapsulation = io.anyhome.api.path.Encapsulation.DIRECT;
            d.sequence = bul.sequence();
            d.state = io.anyhome.api.mobility.BindingState.AT_HOME;
            d.lastAckStatus = 0;
            d.mobileNetworkPrefixes = List.of();
            list.add(0, d);
        }
        return list;
    }

    @Override
    public void register(String uplink) throws AnyhomeException {
        TunnelPath path = paths.get(uplink);
        if (path != null && home != null) {
            // a care-of address registered from home would find the node itself defending the home address (134)
            leaveHome("mip:register " + uplink);
        }
        if (path == null) {
            if (uplinksSeen.contains(uplink)) {
                throw new AnyhomeException(AnyhomeException.Code.UNAVAILABLE, "uplink " + uplink
                        + " has no usable care-of address");
            }
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no uplink " + uplink + "; uplinks with a"
                    + " care-of address: " + (paths.isEmpty() ? "none" : String.join(", ", new TreeSet<>(paths.keySet()))));
        }
        bul.register(uplink, path.careOf());
    }

    @Override
    public void deregister(String uplink) throws AnyhomeException {
        String registered = bul.registeredUplink();
        if (registered == null || uplink != null && !uplink.equals(registered)) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no binding through "
                    + (uplink == null ? "any uplink" : uplink)
                    + (registered == null ? "" : "; the binding is through " + registered));
        }
        bul.deregister();
    }

    @Override
    public MobilityStatusDTO status() {
        MobilityStatusDTO d = new MobilityStatusDTO();
        d.role = config.role() == null ? null : config.role().configValue();
        d.homeAddress = AddressText.format(config.homeAddress());
        d.homePrefix = config.homePrefix() == null ? null : config.homePrefix().toString();
        d.homeAgentAddress = AddressText.format(config.homeAgent());
        d.encapsulation = config.encapsulation();
        HomeLink h = home;
        d.atHome = h != null && h.state() == PathState.UP;
        d.homeLink = h == null ? null : h.uplink();
        d.multipleCareOfAddresses = false;
        d.mobileNetworkPrefixes = List.of();
        d.bindings = bul.bindings().size();
        d.failure = failure;
        return d;
    }

    @Override
    public MobilityStatisticsDTO statistics() {
        return counters.snapshot();
    }

    // ---- for the component and tests ----

    /** @return the paths, by uplink */
    List<TunnelPath> paths() {
        return new ArrayList<>(paths.values());
    }

    /** @return the path of an uplink, or null */
    TunnelPath path(String uplink) {
        return paths.get(uplink);
    }

    /** @return the choice of each uplink's care-of address (IPv4 addresses are reported to it) */
    CareOfAddressChoice careOfAddresses() {
        return careOfAddresses;
    }

    /** @return what the node knows of NATs on its paths */
    NatTraversal nat() {
        return nat;
    }

    /** @return the binding update list */
    BindingUpdateList bindingUpdateList() {
        return bul;
    }

    /** @return the counters */
    MobilityCounters counters() {
        return counters;
    }

    /** @return the home link while the node is on it, else null */
    HomeLink homeLink() {
        return home;
    }

    /** Closes every path (withdrawing its service) and the home link. */
    void close() {
        List<TunnelPath> all;
        HomeLink h;
        synchronized (this) {
            closed = true;
            all = paths();
            paths.clear();
            h = home;
            home = null;
        }
        if (h != null) {
            h.close();
            services.withdraw(h);
        }
        all.forEach(this::retire);
    }
}
