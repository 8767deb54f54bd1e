package io.anyhome.homeagent.internal;

import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.MobilityHeader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The home agent's native signalling on its home link (RFC 6275 §10.3.2, §11.5.5): a mobile node
 * that came home sends its deregistration as a plain IPv6 packet (next header 135, from the home
 * address to the home agent's address, no tunnel). A raw socket for next header 135 bound to the
 * home agent's address and the home link receives it; the {@link BindingUpdateProcessor} takes it
 * ({@link BindingUpdateProcessor#handleFromHomeLink}: deregistrations only), and the answer goes
 * back natively to the home address on the home link.
 *
 * <p>Order on the home link: the processor removes the binding, and the {@link HomeLinkPublisher}
 * withdraws its proxy entry and route for the address on its own thread; the Binding
 * Acknowledgement is handed to that thread too ({@code afterPending}), so it leaves only once the
 * home agent no longer answers for the address. The node answers Neighbour Solicitations for its
 * home address from the moment it sent its Binding Update, so the home agent's kernel resolves it
 * for the acknowledgement.
 */
final class HomeLinkSignalling implements Runnable, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HomeLinkSignalling.class.getName());

    private final RawIpv6Endpoint endpoint;
    private final BindingUpdateProcessor processor;
    private final HomeAgentCounters counters;
    private final Consumer<Runnable> afterPublisher;
    private final ByteBuffer payload = ByteBuffer.allocate(65_535);
    private final ByteBuffer packet = ByteBuffer.allocate(65_535 + Ipv6Header.LENGTH);
    private final ByteBuffer answer = ByteBuffer.allocate(2048);
    private final ReceiveMetadata metadata = new ReceiveMetadata();
    private volatile boolean running = true;

    /**
     * @param platform the platform
     * @param address the home agent's address on the home link
     * @param homeLink the home link's interface name
     * @param processor takes the Binding Updates
     * @param counters the counters
     * @param afterPublisher runs a task after the changes the publisher has pending
     * @throws PlatformException if the raw socket cannot be opened
     */
    HomeLinkSignalling(Platform platform, Inet6Address address, String homeLink, BindingUpdateProcessor processor,
            HomeAgentCounters counters, Consumer<Runnable> afterPublisher) throws PlatformException {
        this.endpoint = platform.openRawIpv6(new RawIpv6Options(MobilityHeader.NEXT_HEADER,
                RawIpv6Options.CHECKSUM_OFF, address, homeLink, 0));
        this.processor = processor;
        this.counters = counters;
        this.afterPublisher = afterPublisher;
    }

    @Override
    public void run() {
        while (running) {
            payload.clear();
            try {
                endpoint.receive(payload, metadata);
            } catch (PlatformException e) {
                if (running && endpoint.isOpen()) {
                    LOG.log(Level.WARNING, "receiving Mobility Headers on the home link failed; the loop stops", e);
                }
                return;
            }
            payload.flip();
            try {
                handle(payload, metadata);
            } catch (RuntimeException e) {
                counters.dropped(HomeAgentCounters.MALFORMED);
                LOG.log(Level.FINE, "a Mobility Header from the home link could not be handled", e);
            }
        }
    }

    /** Handles one received Mobility Header (position..limit) with its addresses in the metadata. */
    void handle(ByteBuffer mh, ReceiveMetadata from) {
        packet.clear();
        Ipv6Header.encode(packet, 0, 0, mh.remaining(), MobilityHeader.NEXT_HEADER, Math.max(0, from.hopLimit()),
                from.sourceAddressBytes(), from.destinationAddressBytes());
        packet.put(mh).flip();
        int length = processor.handleFromHomeLink(packet, answer);
        if (length == 0) {
            return;
        }
        InetAddress to;
        ByteBuffer out = ByteBuffer.allocate(length - Ipv6Header.LENGTH);
        out.put(answer.duplicate().position(Ipv6Header.LENGTH)).flip();
        byte[] destination = new byte[16];
        answer.get(Ipv6Header.OFFSET_DESTINATION, destination);
        try {
            to = InetAddress.getByAddress(destination);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
        afterPublisher.accept(() -> {
            try {
                endpoint.send(out, to);
            } catch (PlatformException e) {
                counters.dropped(HomeAgentCounters.DEVICE);
                // the node stays away until its next Binding Update: worth seeing
                LOG.warning("answer on the home link to " + to.getHostAddress() + " not sent: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        running = false;
        endpoint.close();
    }
}
