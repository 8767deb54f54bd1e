package io.anyhome.homeagent.internal;

import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.offload.TcpCoalescer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The receive loop of a tunnel socket (UDP port 4191): every datagram is one inner IPv6 packet.
 * Signalling (next header 135) goes to the {@link BindingUpdateProcessor} and its answer back to
 * the outer source. Data is forwarded into the home agent's TUN device only if the binding cache
 * has its inner source and the outer source is the address and port recorded at registration
 * (DESIGN, Security); otherwise it is counted and dropped, and a node without binding gets a
 * rate-limited Binding Error. Data allocates nothing: one direct buffer and one
 * {@link ReceiveMetadata} reused, the binding found by the address's two longs.
 *
 * <p>The socket coalesces datagrams ({@code UDP_GRO}) where the platform can: one receive then
 * holds several, each handled on its own. With a virtio-net header on the TUN device the
 * datagrams are received behind room for one, and each packet's header is written just in
 * front of it (over the tail of the packet before, already written); TCP segments of one flow
 * from one receive are merged into one super-packet first ({@link TcpCoalescer}), written when
 * the receive is handled.
 */
final class TunnelReceiveLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(TunnelReceiveLoop.class.getName());

    private final UdpEndpoint udp;
    private final TunDevice tun;
    private final BindingUpdateProcessor processor;
    private final BindingCache cache;
    private final HomeAgentCounters counters;
    private final ByteBuffer buffer;
    private final ByteBuffer answer = ByteBuffer.allocateDirect(2048);
    private final ReceiveMetadata metadata = new ReceiveMetadata();
    private final int vnet;
    /** With a virtio-net header: TCP segments of one flow from one receive merged for one write. */
    private final TcpCoalescer coalescer;
    private volatile boolean running = true;

    TunnelReceiveLoop(UdpEndpoint udp, TunDevice tun, BindingUpdateProcessor processor, HomeAgentCounters counters) {
        this.udp = udp;
        this.tun = tun;
        this.processor = processor;
        this.cache = processor.cache();
        this.counters = counters;
        this.vnet = tun.vnetHeaderLength();
        this.buffer = ByteBuffer.allocateDirect(vnet + 65_535);
        this.coalescer = vnet > 0 ? new TcpCoalescer(vnet) : null;
    }

    @Override
    public void run() {
        while (running) {
            buffer.clear().position(vnet);
            try {
                udp.receive(buffer, metadata);
            } catch (PlatformException e) {
                if (running && udp.isOpen()) {
                    LOG.log(Level.WARNING, "receiving on " + udp.localAddress() + " failed; the loop stops", e);
                }
                return;
            }
            buffer.limit(buffer.position()).position(vnet);
            handleEach(buffer, metadata);
        }
    }

    /**
     * Handles what one receive returned (position..limit): one datagram, or several of
     * {@link ReceiveMetadata#segmentSize()} bytes each but the last.
     */
    void handleEach(ByteBuffer received, ReceiveMetadata from) {
        int end = received.limit();
        int step = from.segmentSize() > 0 ? from.segmentSize() : end - received.position();
        for (int at = received.position(); at < end; at += step) {
            received.limit(Math.min(end, at + step)).position(at);
            try {
                handle(received, from);
            } catch (RuntimeException e) {
                counters.dropped(HomeAgentCounters.MALFORMED);
                LOG.log(Level.FINE, "a datagram could not be handled", e);
            }
        }
        flush();
    }

    /** Writes the merged run, if any. */
    private void flush() {
        if (coalescer != null && !coalescer.isEmpty()) {
            int packets = coalescer.heldSegments();
            try {
                tun.write(coalescer.finish());
                counters.fromMobileNodes(packets);
            } catch (PlatformException e) {
                for (int i = 0; i < packets; i++) {
                    counters.dropped(HomeAgentCounters.DEVICE);
                }
            }
        }
    }

    /**
     * Handles one datagram (position..limit) that came from {@code from}; with a virtio-net header
     * on the TUN device, the {@code vnet} bytes before the position are free for it.
     */
    void handle(ByteBuffer packet, ReceiveMetadata from) {
        int start = packet.position();
        int length = packet.remaining();
        if (length < Ipv6Header.LENGTH || (packet.get(start) & 0xf0) != 0x60
                || Ipv6Header.LENGTH + (packet.getShort(start + Ipv6Header.OFFSET_PAYLOAD_LENGTH) & 0xffff) > length) {
            counters.dropped(HomeAgentCounters.MALFORMED);
            return;
        }
        packet.limit(start + Ipv6Header.LENGTH + (packet.getShort(start + Ipv6Header.OFFSET_PAYLOAD_LENGTH) & 0xffff));
        if ((packet.get(start + Ipv6Header.OFFSET_NEXT_HEADER) & 0xff) == MobilityHeader.NEXT_HEADER) {
            InetSocketAddress outer = new InetSocketAddress(from.sourceAddress(), from.sourcePort());
            answer(processor.handle(packet, outer, answer), outer);
            return;
        }
        Binding binding = cache.find(packet, start + Ipv6Header.OFFSET_SOURCE);
        if (binding == null) {
            counters.dropped(HomeAgentCounters.NO_BINDING);
            InetSocketAddress outer = new InetSocketAddress(from.sourceAddress(), from.sourcePort());
            answer(processor.unknownBinding(AddressFields.read(packet, start + Ipv6Header.OFFSET_SOURCE),
                    outer.getAddress(), answer), outer);
            return;
        }
        if (from.sourcePort() != binding.outerPort()
                || !Arrays.equals(from.sourceAddressBytes(), binding.outerAddressBytes())) {
            counters.dropped(HomeAgentCounters.WRONG_CARE_OF_ADDRESS);
            return;
        }
        if (coalescer != null) {
            if (coalescer.add(packet)) {
                return;
            }
            flush();
            if (coalescer.add(packet)) {
                return;
            }
        }
        try {
            if (vnet > 0) {
                for (int i = start - vnet; i < start; i++) {
                    packet.put(i, (byte) 0); // a plain header: one packet, the kernel checks it
                }
                packet.position(start - vnet);
            }
            tun.write(packet);
            counters.fromMobileNodes(1);
        } catch (PlatformException e) {
            counters.dropped(HomeAgentCounters.DEVICE);
        }
    }

    private void answer(int length, InetSocketAddress to) {
        if (length == 0) {
            return;
        }
        try {
            udp.send(answer, to);
        } catch (PlatformException e) {
            counters.dropped(HomeAgentCounters.DEVICE);
            LOG.log(Level.FINE, "answer to " + to + " not sent", e);
        }
    }

    /** Ends the loop; closing the socket wakes a waiting receive. */
    void stop() {
        running = false;
    }
}
