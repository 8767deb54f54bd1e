package io.anyhome.homeagent.internal;

import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.offload.OffloadReader;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The home agent's TUN read loop: the kernel routes packets for registered home addresses into
 * the TUN device (one {@code HoA/128} route each); each is sent, as it is, in one UDP datagram
 * to the binding's recorded outer address and port. One direct buffer reused, the binding found
 * by the destination's two longs: nothing is allocated per packet.
 *
 * <p>With a virtio-net header (where the platform has it) one read may be a TCP super-packet of
 * up to 64 KiB for one home address: it is cut into MSS-sized packets ({@link OffloadReader})
 * that leave in one {@code UDP_SEGMENT} call, one inner packet per datagram (DESIGN, Performance
 * design).
 */
final class TunReadLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(TunReadLoop.class.getName());

    private final TunDevice tun;
    private final UdpEndpoint udp6;
    private final UdpEndpoint udp4;
    private final BindingCache cache;
    private final HomeAgentCounters counters;
    private final ByteBuffer buffer;
    private final OffloadReader offload;
    private volatile boolean running = true;

    /**
     * @param udp4 the socket for IPv4 outer addresses, or null to use {@code udp6} (dual-stack)
     */
    TunReadLoop(TunDevice tun, int mtu, UdpEndpoint udp6, UdpEndpoint udp4, BindingCache cache,
            HomeAgentCounters counters) {
        this.tun = tun;
        this.udp6 = udp6;
        this.udp4 = udp4 == null ? udp6 : udp4;
        this.cache = cache;
        this.counters = counters;
        int vnet = tun.vnetHeaderLength();
        this.buffer = ByteBuffer.allocateDirect(vnet > 0 ? vnet + 65_535 : Math.max(mtu, 1500));
        this.offload = vnet > 0 ? OffloadReader.forTun() : null;
    }

    @Override
    public void run() {
        while (running) {
            buffer.clear();
            try {
                tun.read(buffer);
            } catch (PlatformException e) {
                if (running && tun.isOpen()) {
                    LOG.log(Level.WARNING, "reading " + tun.name() + " failed; the loop stops", e);
                }
                return;
            }
            buffer.flip();
            if (offload == null) {
                forward(buffer);
                continue;
            }
            try {
                if (offload.prepare(buffer) == OffloadReader.SINGLE) {
                    forward(buffer);
                } else {
                    forwardSegments(buffer, offload.segments(), offload.segmentSize());
                }
            } catch (MalformedPacketException e) {
                counters.dropped(HomeAgentCounters.MALFORMED);
            }
        }
    }

    /** Sends one packet (position..limit) to its mobile node. */
    void forward(ByteBuffer packet) {
        Binding binding = bindingFor(packet);
        if (binding == null) {
            return;
        }
        try {
            socketFor(binding).send(packet, binding.outer());
            counters.toMobileNodes(1);
        } catch (PlatformException e) {
            counters.dropped(HomeAgentCounters.DEVICE);
        }
    }

    /**
     * Sends the segments of a super-packet (its headers at position..limit of {@code read}) to its
     * mobile node in one call.
     */
    void forwardSegments(ByteBuffer read, ByteBuffer segments, int segmentSize) {
        Binding binding = bindingFor(read);
        if (binding == null) {
            return;
        }
        int count = (segments.remaining() + segmentSize - 1) / segmentSize;
        try {
            socketFor(binding).sendSegmented(segments, binding.outer(), segmentSize);
            counters.toMobileNodes(count);
        } catch (PlatformException e) {
            for (int i = 0; i < count; i++) {
                counters.dropped(HomeAgentCounters.DEVICE);
            }
        }
    }

    private Binding bindingFor(ByteBuffer packet) {
        int start = packet.position();
        if (packet.remaining() < Ipv6Header.LENGTH || (packet.get(start) & 0xf0) != 0x60) {
            counters.dropped(HomeAgentCounters.MALFORMED);
            return null;
        }
        Binding binding = cache.find(packet, start + Ipv6Header.OFFSET_DESTINATION);
        if (binding == null) {
            counters.dropped(HomeAgentCounters.NO_BINDING_FOR_DESTINATION);
        }
        return binding;
    }

    private UdpEndpoint socketFor(Binding binding) {
        return binding.outer().getAddress() instanceof Inet4Address ? udp4 : udp6;
    }

    /** Ends the loop; closing the device wakes a waiting read. */
    void stop() {
        running = false;
    }
}
