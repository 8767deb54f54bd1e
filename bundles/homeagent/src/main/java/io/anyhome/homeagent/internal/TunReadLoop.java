package io.anyhome.homeagent.internal;

import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.ip.Ipv6Header;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The home agent's TUN read loop: the kernel routes packets for registered home addresses into
 * the TUN device (one {@code HoA/128} route each); each is sent, as it is, in one UDP datagram
 * to the binding's recorded outer address and port. One direct buffer reused, the binding found
 * by the destination's two longs: nothing is allocated per packet.
 */
final class TunReadLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(TunReadLoop.class.getName());

    private final TunDevice tun;
    private final UdpEndpoint udp6;
    private final UdpEndpoint udp4;
    private final BindingCache cache;
    private final HomeAgentCounters counters;
    private final ByteBuffer buffer;
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
        this.buffer = ByteBuffer.allocateDirect(tun.vnetHeaderLength() + Math.max(mtu, 1500));
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
            forward(buffer);
        }
    }

    /** Sends one packet (position 0..limit) to its mobile node. */
    void forward(ByteBuffer packet) {
        int length = packet.remaining();
        if (length < Ipv6Header.LENGTH || (packet.get(0) & 0xf0) != 0x60) {
            counters.dropped(HomeAgentCounters.MALFORMED);
            return;
        }
        Binding binding = cache.find(packet, Ipv6Header.OFFSET_DESTINATION);
        if (binding == null) {
            counters.dropped(HomeAgentCounters.NO_BINDING_FOR_DESTINATION);
            return;
        }
        try {
            (binding.outer().getAddress() instanceof Inet4Address ? udp4 : udp6).send(packet, binding.outer());
            counters.toMobileNode();
        } catch (PlatformException e) {
            counters.dropped(HomeAgentCounters.DEVICE);
        }
    }

    /** Ends the loop; closing the device wakes a waiting read. */
    void stop() {
        running = false;
    }
}
