package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Type;
import io.anyhome.packet.icmp6.NeighborAdvertisement;
import io.anyhome.packet.icmp6.NeighborSolicitation;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv6Header;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Duplicate address detection for a home address on the home link, done by the home agent before
 * the address's first registration (RFC 6275 §10.3.1, RFC 4862 §5.4): a Neighbour Solicitation
 * for the address from the unspecified address to its solicited-node group, hop limit 255; a
 * Neighbour Advertisement for it within {@link #WAIT_MS} means another node uses it (status 134).
 *
 * <p>The wait is 500 ms, half of RFC 4861's RetransTimer, and one probe instead of
 * DupAddrDetectTransmits' retransmissions: a node that owns the address answers at once; Linux
 * answers for a proxy entry after a random delay of up to 0.8 s ({@code proxy_delay}), which this
 * wait catches in most cases only. The first registration of a node is delayed by this much (once:
 * refreshes and moves of a registered address are not checked again), well within the 1.5 s the
 * mobile node waits for its first acknowledgement (InitialBindackTimeoutFirstReg, §13).
 *
 * <p>Sends through a raw {@code IPPROTO_RAW} socket bound to the home link (the kernel would not
 * use the unspecified source for an ICMPv6 socket), listens for Neighbour Advertisements with an
 * ICMPv6 socket bound to it on a thread of its own, and ends checks on a timer thread, where the
 * processor's {@code again} action runs.
 */
final class HomeLinkDad implements HomeAddressCheck, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HomeLinkDad.class.getName());
    static final long WAIT_MS = 500;
    /** How long a verdict answers repeated questions (the processor asks again right after the check). */
    static final long VERDICT_VALID_MS = 5_000;
    private static final int HOP_LIMIT = 255;

    private record Done(Verdict verdict, long at) {
    }

    private static final class Running {
        Runnable again;
        boolean answered;
    }

    private final String homeLink;
    private final RawIpv6Endpoint raw;
    private final Icmpv6Endpoint icmp;
    private final LongSupplier clock;
    private final Map<Inet6Address, Running> running = new HashMap<>();
    private final Map<Inet6Address, Done> done = new HashMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "anyhome-ha-dad");
        t.setDaemon(true);
        return t;
    });
    private final Thread listener;
    private volatile boolean closed;

    /**
     * @param platform the platform
     * @param homeLink the home link's interface name
     * @param clock the time, epoch milliseconds
     * @throws PlatformException if the sockets cannot be opened
     */
    HomeLinkDad(Platform platform, String homeLink, LongSupplier clock) throws PlatformException {
        this.homeLink = homeLink;
        this.clock = clock;
        this.raw = platform.openRawIpv6(new RawIpv6Options(RawIpv6Options.HEADER_INCLUDED,
                RawIpv6Options.CHECKSUM_OFF, null, homeLink, 0));
        try {
            this.icmp = platform.openIcmpv6(new Icmpv6Options(
                    Set.of(Icmpv6Type.NEIGHBOR_ADVERTISEMENT.number()), null, homeLink, 0));
        } catch (PlatformException e) {
            raw.close();
            throw e;
        }
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.listener = new Thread(this::listen, "anyhome-ha-dad-na");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @Override
    public Verdict check(Inet6Address homeAddress, Runnable again) {
        synchronized (this) {
            Done d = done.get(homeAddress);
            if (d != null && clock.getAsLong() - d.at() < VERDICT_VALID_MS) {
                return d.verdict();
            }
            done.remove(homeAddress);
            Running r = running.get(homeAddress);
            if (r != null) {
                r.again = again;
                return Verdict.PENDING;
            }
            r = new Running();
            r.again = again;
            running.put(homeAddress, r);
        }
        try {
            raw.send(solicitation(homeAddress), solicitedNode(homeAddress));
        } catch (PlatformException e) {
            // nothing was asked, so nothing can answer: the check ends clear, as it would on a quiet link
            LOG.warning("duplicate address detection for " + AddressText.format(homeAddress) + " on " + homeLink
                    + ": the solicitation was not sent: " + e.getMessage());
        }
        timer.schedule(() -> finish(homeAddress), WAIT_MS, TimeUnit.MILLISECONDS);
        return Verdict.PENDING;
    }

    private void finish(Inet6Address homeAddress) {
        Runnable again;
        synchronized (this) {
            Running r = running.remove(homeAddress);
            if (r == null) {
                return;
            }
            Verdict v = r.answered ? Verdict.DUPLICATE : Verdict.CLEAR;
            done.put(homeAddress, new Done(v, clock.getAsLong()));
            again = r.again;
            if (v == Verdict.DUPLICATE) {
                LOG.warning(() -> "duplicate address detection: another node on " + homeLink + " answers for "
                        + AddressText.format(homeAddress) + "; its registration is refused (134)");
            }
        }
        try {
            again.run();
        } catch (RuntimeException e) {
            LOG.warning("processing a Binding Update after duplicate address detection failed: " + e);
        }
    }

    /** A Neighbour Advertisement for {@code target} arrived on the home link. */
    synchronized void advertised(Inet6Address target) {
        Running r = running.get(target);
        if (r != null) {
            r.answered = true;
        }
    }

    private void listen() {
        ByteBuffer b = ByteBuffer.allocate(1500);
        ReceiveMetadata m = new ReceiveMetadata();
        while (!closed) {
            b.clear();
            try {
                icmp.receive(b, m);
            } catch (PlatformException e) {
                if (!closed) {
                    LOG.warning("duplicate address detection stops listening on " + homeLink + ": " + e.getMessage());
                }
                return;
            }
            b.flip();
            if (b.remaining() >= NeighborAdvertisement.OFFSET_OPTIONS
                    && (b.get(0) & 0xff) == Icmpv6Type.NEIGHBOR_ADVERTISEMENT.number()
                    && (m.hopLimit() == HOP_LIMIT || m.hopLimit() < 0)) {
                advertised(AddressFields.read(b, NeighborAdvertisement.OFFSET_TARGET));
            }
        }
    }

    /** @return the whole DAD probe: IPv6 from :: to the solicited-node group, then the solicitation */
    static ByteBuffer solicitation(Inet6Address target) {
        NeighborSolicitation ns = new NeighborSolicitation(target, List.of());
        int length = Icmpv6.HEADER_LENGTH + ns.bodyLength();
        ByteBuffer b = ByteBuffer.allocate(Ipv6Header.LENGTH + length);
        byte[] destination = solicitedNode(target).getAddress();
        Ipv6Header.encode(b, 0, 0, length, IpProtocol.ICMPV6.number(), HOP_LIMIT, new byte[16], destination);
        Icmpv6.encode(b, ns, new byte[16], destination);
        return b.flip();
    }

    /** @return ff02::1:ffXX:XXXX for the address's last 24 bits (RFC 4291 §2.7.1) */
    static Inet6Address solicitedNode(Inet6Address address) {
        byte[] a = address.getAddress();
        byte[] g = new byte[16];
        g[0] = (byte) 0xff;
        g[1] = 0x02;
        g[11] = 0x01;
        g[12] = (byte) 0xff;
        g[13] = a[13];
        g[14] = a[14];
        g[15] = a[15];
        try {
            return (Inet6Address) InetAddress.getByAddress(g);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        icmp.close();
        raw.close();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
