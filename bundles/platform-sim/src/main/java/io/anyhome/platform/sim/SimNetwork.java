package io.anyhome.platform.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * An emulated network: one {@link SimClock}, one seeded random source (link loss, RA jitter,
 * random interface identifiers), and the {@link SimLink links}, {@link SimRouter routers} and
 * {@link SimPlatform nodes} on it, each created once by name. Built by unit tests of the bundles
 * above the platform and by the {@code platform-sim} component for the demo.
 *
 * <pre>{@code
 * SimNetwork net = new SimNetwork(42);
 * SimLink wlan = net.link("wlan").rate(54_000_000).delay(Duration.ofMillis(5)).loss(0.01);
 * net.router("ar1").attach(wlan, RaConfig.of(IpPrefix.parse("2001:db8:a::/64")));
 * SimPlatform mn = net.node("mn");
 * mn.addInterface("wlan0", wlan);
 * net.clock().advance(Duration.ofSeconds(5)); // RAs arrive, SLAAC and DAD complete
 * }</pre>
 *
 * <p>The same seed and the same calls give the same packets at the same virtual times.
 */
public final class SimNetwork {
    private final SimClock clock;
    private final Random random;
    private final Map<String, SimLink> links = new LinkedHashMap<>();
    private final Map<String, SimRouter> routers = new LinkedHashMap<>();
    private final Map<String, SimPlatform> nodes = new LinkedHashMap<>();
    private int nextMac = 1;

    /** @param seed the seed of every random decision in the network */
    public SimNetwork(long seed) {
        this(seed, new SimClock());
    }

    /**
     * @param seed the seed of every random decision in the network
     * @param clock the clock, for example one the caller runs in real time
     */
    public SimNetwork(long seed, SimClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new Random(seed);
    }

    /** @return the clock every timer of this network runs on (also the network's monitor) */
    public SimClock clock() {
        return clock;
    }

    /**
     * @param name the link's name
     * @return the link of that name, created (carrier up, no rate limit, no delay, no loss) if new
     */
    public SimLink link(String name) {
        return create(links, name, n -> new SimLink(this, n));
    }

    /**
     * @param name the router's name
     * @return the router of that name, created (running, no interfaces) if new
     */
    public SimRouter router(String name) {
        return create(routers, name, n -> new SimRouter(this, n));
    }

    /**
     * @param name the node's name
     * @return the node of that name, created (no interfaces) if new
     */
    public SimPlatform node(String name) {
        return create(nodes, name, n -> new SimPlatform(this, n));
    }

    /** @return the links, in creation order */
    public List<SimLink> links() {
        synchronized (clock) {
            return List.copyOf(links.values());
        }
    }

    /** @return the nodes, in creation order */
    public List<SimPlatform> nodes() {
        synchronized (clock) {
            return List.copyOf(nodes.values());
        }
    }

    /** @return the routers, in creation order */
    public List<SimRouter> routers() {
        synchronized (clock) {
            return List.copyOf(routers.values());
        }
    }

    private <T> T create(Map<String, T> map, String name, Function<String, T> factory) {
        Objects.requireNonNull(name, "name");
        synchronized (clock) {
            return map.computeIfAbsent(name, factory);
        }
    }

    Random random() {
        return random;
    }

    /** A locally administered unicast MAC address, unique in this network. */
    byte[] nextMac() {
        synchronized (clock) {
            int n = nextMac++;
            return new byte[] {0x02, 0, 0, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        }
    }
}
