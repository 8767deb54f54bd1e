package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.homeagent.BindingCacheEntryDTO;
import io.anyhome.api.homeagent.HomeAgent;
import io.anyhome.api.homeagent.HomeAgentStatisticsDTO;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A running home agent (no OSGi here; {@link HomeAgentComponent} adapts it): the TUN device
 * (up, no address), the tunnel socket on {@code [address]:port} (and one on
 * {@code ipv4Address:port} if configured), their loops, the home link
 * publisher, the duplicate address check for first registrations ({@link HomeLinkDad}), the
 * native signalling of nodes that came home ({@link HomeLinkSignalling}), and a once-a-second
 * sweep that expires bindings and re-reads the keys directory when it changed (a bad file is
 * logged and the previous keys stay). {@link #close()} stops all of it, withdraws every route and
 * proxy entry, and puts back the IPv6 settings it changed.
 */
public final class HomeAgentService implements HomeAgent, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HomeAgentService.class.getName());

    private final HomeAgentConfiguration config;
    private final LongSupplier clock;
    private final BindingCache cache = new BindingCache();
    private final HomeAgentCounters counters = new HomeAgentCounters();
    private final TunDevice tun;
    private final UdpEndpoint udp;
    private final UdpEndpoint udp4;
    private final HomeLinkPublisher publisher;
    private final HomeLinkDad dad;
    private volatile HomeLinkSignalling homeLinkSignalling;
    private volatile Thread homeLinkThread;
    private final BindingUpdateProcessor processor;
    private final TunnelReceiveLoop receiveLoop;
    private final TunnelReceiveLoop receiveLoop4;
    private final TunReadLoop tunLoop;
    private final Thread receiveThread;
    private final Thread receiveThread4;
    private final Thread tunThread;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "anyhome-ha-sweep");
        t.setDaemon(true);
        return t;
    });
    private volatile NodeKeys keys;
    private volatile String keysStamp;

    private HomeAgentService(HomeAgentConfiguration config, LongSupplier clock, NodeKeys keys, TunDevice tun,
            UdpEndpoint udp, UdpEndpoint udp4, HomeLinkPublisher publisher, HomeLinkDad dad) {
        this.config = config;
        this.clock = clock;
        this.keys = keys;
        this.keysStamp = NodeKeys.stamp(config.keysDirectory());
        this.tun = tun;
        this.udp = udp;
        this.udp4 = udp4;
        this.publisher = publisher;
        this.dad = dad;
        this.processor = new BindingUpdateProcessor(config, () -> this.keys, cache, counters, publisher, clock, dad,
                this::sendLate);
        this.receiveLoop = new TunnelReceiveLoop(udp, tun, processor, counters);
        this.receiveLoop4 = udp4 == null ? null : new TunnelReceiveLoop(udp4, tun, processor, counters);
        this.tunLoop = new TunReadLoop(tun, config.mtu(), udp, udp4, cache, counters);
        this.receiveThread = daemon(receiveLoop, "anyhome-ha-udp");
        this.receiveThread4 = udp4 == null ? null : daemon(receiveLoop4, "anyhome-ha-udp4");
        this.tunThread = daemon(tunLoop, "anyhome-ha-" + tun.name());
    }

    /**
     * Reads the keys, opens the TUN device and the socket, and starts the loops.
     *
     * @param platform the platform
     * @param config the settings
     * @param clock the time, epoch milliseconds
     * @return the running home agent
     * @throws PlatformException if the device, the socket or the home link cannot be set up
     * @throws IllegalArgumentException naming the key file and key of a bad key file
     */
    public static HomeAgentService start(Platform platform, HomeAgentConfiguration config, LongSupplier clock)
            throws PlatformException {
        NodeKeys keys;
        try {
            keys = NodeKeys.read(config.keysDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keys directory " + config.keysDirectory(), e);
        }
        // virtio-net headers where the platform has them: 64 KiB reads, cut in user space
        TunDevice tun = platform.openTun(new TunOptions(config.tun(), config.mtu(),
                platform.capabilities().tunVnetHeader, false));
        UdpEndpoint udp = null;
        UdpEndpoint udp4 = null;
        HomeLinkPublisher publisher = null;
        HomeLinkDad dad = null;
        try {
            platform.setLinkUp(tun.index(), true);
            udp = platform.openUdp(new UdpOptions(config.address(), config.port(), null, true));
            if (config.ipv4Address() != null) {
                udp4 = platform.openUdp(new UdpOptions(config.ipv4Address(), config.port(), null, true));
            }
            publisher = new HomeLinkPublisher(platform, tun.index(), config.homeLink());
            dad = new HomeLinkDad(platform, config.homeLink(), clock);
        } catch (PlatformException | RuntimeException e) {
            if (publisher != null) {
                publisher.close();
            }
            for (UdpEndpoint u : new UdpEndpoint[] {udp, udp4}) {
                if (u != null) {
                    u.close();
                }
            }
            tun.close();
            throw e;
        }
        HomeAgentService ha = new HomeAgentService(config, clock, keys, tun, udp, udp4, publisher, dad);
        try {
            ha.homeLinkSignalling = new HomeLinkSignalling(platform, config.address(), config.homeLink(), ha.processor,
                    ha.counters, publisher::afterPending);
        } catch (PlatformException e) {
            ha.close();
            throw e;
        }
        ha.homeLinkThread = daemon(ha.homeLinkSignalling, "anyhome-ha-homelink-mh");
        ha.homeLinkThread.start();
        ha.receiveThread.start();
        if (ha.receiveThread4 != null) {
            ha.receiveThread4.start();
        }
        ha.tunThread.start();
        ha.sweeper.scheduleWithFixedDelay(ha::sweep, 1, 1, TimeUnit.SECONDS);
        LOG.info(() -> "home agent on [" + AddressText.format(config.address()) + "]:" + config.port()
                + (config.ipv4Address() == null ? "" : " and " + AddressText.format(config.ipv4Address()) + ":"
                        + config.port()) + ", "
                + keys.size() + " node key(s), home link " + config.homeLink() + ", tunnel device " + tun.name());
        return ha;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Sends an answer computed after a duplicate address check, through the socket of its address family. */
    private void sendLate(java.nio.ByteBuffer answer, java.net.InetSocketAddress to) {
        UdpEndpoint through = to.getAddress() instanceof java.net.Inet4Address && udp4 != null ? udp4 : udp;
        try {
            through.send(answer, to);
        } catch (PlatformException e) {
            counters.dropped(HomeAgentCounters.DEVICE);
        }
    }

    /** Expires bindings and re-reads changed keys; runs once a second. */
    void sweep() {
        try {
            List<Binding> gone = cache.expire(clock.getAsLong());
            if (!gone.isEmpty()) {
                counters.expired(gone.size());
                gone.forEach(publisher::removed);
            }
            String stamp = NodeKeys.stamp(config.keysDirectory());
            if (!stamp.equals(keysStamp)) {
                keysStamp = stamp;
                try {
                    keys = NodeKeys.read(config.keysDirectory());
                    LOG.info(() -> "re-read " + keys.size() + " node key(s) from " + config.keysDirectory());
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warning("keeping the previous keys: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "binding cache sweep failed", e);
        }
    }

    @Override
    public List<BindingCacheEntryDTO> bindingCache() {
        return cache.snapshot().stream().sorted(Comparator.comparing(b -> AddressText.format(b.homeAddress())))
                .map(Binding::toDTO).collect(Collectors.toList());
    }

    @Override
    public HomeAgentStatisticsDTO statistics() {
        return counters.toDTO();
    }

    @Override
    public int deregister(InetAddress homeAddress) throws AnyhomeException {
        Binding gone = homeAddress instanceof Inet6Address v6 ? cache.remove(v6, 0) : null;
        if (gone == null) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND,
                    "no binding for " + AddressText.format(homeAddress));
        }
        publisher.removed(gone);
        return 1;
    }

    /** @return the binding cache, for tests */
    BindingCache cache() {
        return cache;
    }

    /** @return the counters, for tests */
    HomeAgentCounters counters() {
        return counters;
    }

    /** @return the publisher's last failure, or null */
    String failure() {
        return publisher.failure();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        receiveLoop.stop();
        if (receiveLoop4 != null) {
            receiveLoop4.stop();
            udp4.close();
        }
        tunLoop.stop();
        udp.close();
        HomeLinkSignalling h = homeLinkSignalling;
        if (h != null) {
            h.close();
        }
        dad.close();
        publisher.close();
        tun.close();
        List<Thread> threads = new java.util.ArrayList<>(List.of(receiveThread, tunThread));
        if (receiveThread4 != null) {
            threads.add(receiveThread4);
        }
        if (homeLinkThread != null) {
            threads.add(homeLinkThread);
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
