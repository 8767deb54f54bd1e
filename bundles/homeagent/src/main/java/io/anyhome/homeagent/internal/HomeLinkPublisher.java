package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.NeighborAdvertisement;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Publishes registered home addresses (RFC 6275 §10.4.1): a route {@code HoA/128 dev <tun>} so
 * the kernel hands their packets to the tunnels, a proxy neighbour entry on the home link so it
 * answers Neighbour Solicitations for them, and the unsolicited Neighbour Advertisements (O=1,
 * S=0, to ff02::1, three of them a second apart) that the kernel does not send. Withdraws both on
 * deregistration, expiry and at {@link #close()}, and then forgets the neighbour cache entry for
 * the home address, so that a node back home is resolved by Neighbour Discovery and not by what
 * the cache kept from an earlier visit.
 *
 * <p>Works on its own thread, in the order the changes happened, so that Binding Update
 * processing never waits for netlink. Before the first home address it turns on forwarding and
 * {@code proxy_ndp} on the home link, and puts back the values it found at {@link #close()}.
 * Failures are logged once and kept in {@link #failure()}.
 */
final class HomeLinkPublisher implements BindingListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HomeLinkPublisher.class.getName());
    static final int ADVERTISEMENTS = 3;
    private static final Inet6Address ALL_NODES = (Inet6Address) ip("ff02::1");

    private final Platform platform;
    private final int tunIndex;
    private final String homeLink;
    private final int homeLinkIndex;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "anyhome-ha-homelink");
        t.setDaemon(true);
        return t;
    });
    private final Set<Inet6Address> published = new LinkedHashSet<>(); // worker thread only
    private final Icmpv6Endpoint icmp;
    private final Registration monitor;
    private final Ipv6SettingChanges settings;
    private volatile byte[] homeLinkMac;
    private volatile String failure;

    HomeLinkPublisher(Platform platform, int tunIndex, String homeLink) throws PlatformException {
        this.platform = platform;
        this.tunIndex = tunIndex;
        this.homeLink = homeLink;
        this.homeLinkIndex = platform.interfaceIndex(homeLink);
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.settings = new Ipv6SettingChanges(platform);
        try {
            settings.set("all", Ipv6Setting.FORWARDING, 1);
            settings.set(homeLink, Ipv6Setting.FORWARDING, 1);
            settings.set(homeLink, Ipv6Setting.PROXY_NDP, 1);
        } catch (PlatformException e) {
            settings.restore();
            throw e;
        }
        Icmpv6Endpoint i;
        try {
            i = platform.openIcmpv6(new Icmpv6Options(Set.of(), null, homeLink, 0));
        } catch (PlatformException e) {
            settings.restore();
            throw e;
        }
        this.icmp = i;
        Registration m;
        try {
            m = platform.monitor(new NetworkListener() {
                @Override
                public void link(LinkEvent e) {
                    if (e.index() == homeLinkIndex && !e.linkLayerAddress().isEmpty()) {
                        homeLinkMac = HexFormat.ofDelimiter(":").parseHex(e.linkLayerAddress());
                    }
                }
            });
        } catch (PlatformException e) {
            icmp.close();
            settings.restore();
            throw e;
        }
        this.monitor = m;
    }

    @Override
    public void registered(Binding binding, Binding replaced) {
        Inet6Address hoa = binding.homeAddress();
        if (replaced == null || !replaced.outer().equals(binding.outer())) {
            LOG.info(() -> "binding for " + AddressText.format(hoa) + ": care-of address "
                    + AddressText.format(binding.careOf()) + " (tunnel to " + binding.outer() + ")"
                    + (replaced == null ? "" : ", was " + AddressText.format(replaced.careOf())));
        }
        // a refresh finds route and proxy entry in place (the data path reads the new binding);
        // it publishes again only if an earlier attempt failed
        worker.execute(() -> {
            if (!published.contains(hoa)) {
                publish(hoa);
            }
        });
    }

    @Override
    public void removed(Binding binding) {
        Inet6Address hoa = binding.homeAddress();
        LOG.info(() -> "binding for " + AddressText.format(hoa) + " removed");
        worker.execute(() -> withdraw(hoa));
    }

    private void publish(Inet6Address hoa) {
        try {
            platform.addRoute(route(hoa));
            platform.addProxyNeighbour(homeLinkIndex, hoa);
            published.add(hoa);
        } catch (PlatformException e) {
            fail("publishing " + hoa.getHostAddress() + " on " + homeLink + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < ADVERTISEMENTS; i++) {
            worker.schedule(() -> advertise(hoa), i, TimeUnit.SECONDS);
        }
    }

    private void advertise(Inet6Address hoa) {
        if (!published.contains(hoa)) {
            return;
        }
        byte[] mac = homeLinkMac;
        List<NdOption> options = mac == null ? List.of() : List.of(NdOption.LinkLayerAddress.target(mac));
        ByteBuffer b = ByteBuffer.allocate(64);
        Icmpv6.encodeWithoutChecksum(b, new NeighborAdvertisement(false, false, true, hoa, options));
        b.flip();
        try {
            icmp.send(b, ALL_NODES, homeLinkIndex, 255);
        } catch (PlatformException e) {
            fail("advertising " + hoa.getHostAddress() + " on " + homeLink + ": " + e.getMessage());
        }
    }

    private void withdraw(Inet6Address hoa) {
        if (!published.remove(hoa)) {
            return;
        }
        try {
            platform.removeProxyNeighbour(homeLinkIndex, hoa);
            platform.removeRoute(route(hoa));
            // an entry from the node's last visit home may name a link-layer address it no longer
            // uses (another interface): the acknowledgement to a node that came home resolves it anew
            platform.removeNeighbour(homeLinkIndex, hoa);
        } catch (PlatformException e) {
            fail("withdrawing " + hoa.getHostAddress() + " from " + homeLink + ": " + e.getMessage());
        }
    }

    private RouteSpec route(Inet6Address hoa) {
        return RouteSpec.onLink(IpPrefix.host(hoa), tunIndex, RouteSpec.DEFAULT_METRIC);
    }

    private void fail(String what) {
        if (!what.equals(failure)) {
            LOG.warning(what);
        }
        failure = what;
    }

    /** @return the last failure, or null */
    String failure() {
        return failure;
    }

    /**
     * Runs a task on the publisher's thread after every change already handed to it, e.g. the
     * Binding Acknowledgement to a node that came home, sent once the home agent's proxy entry
     * and route for it are withdrawn.
     *
     * @param task the task
     */
    void afterPending(Runnable task) {
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the home agent is stopping: nothing more goes out on the home link
        }
    }

    /** @return the index of the home link */
    int homeLinkIndex() {
        return homeLinkIndex;
    }

    /** Withdraws every published home address and stops. */
    @Override
    public void close() {
        worker.execute(() -> List.copyOf(published).forEach(this::withdraw));
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
        icmp.close();
        settings.restore();
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
