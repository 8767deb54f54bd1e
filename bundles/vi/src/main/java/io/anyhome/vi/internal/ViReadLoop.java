package io.anyhome.vi.internal;

import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.path.Path;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.offload.OffloadReader;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The VI's read loop: every packet the kernel routes into {@code home0} is checked in place and
 * handed to the path the interface switch chooses for it.
 *
 * <p>One thread, one direct buffer reused for every packet: {@link Path#send} must not keep it
 * (DESIGN, "Buffers"). Per packet nothing is allocated. A packet whose source is not the home
 * address is dropped ({@code wrong-source}: the VI only speaks for this node), as is one that
 * is not a whole IPv6 packet ({@code malformed}); with no switch or no usable path the drop is
 * {@code no-path}, and a path that refuses it {@code path-send}.
 *
 * <p>With a virtio-net header (DESIGN, Performance design) one read may carry a TCP super-packet
 * of up to 64 KiB: it is checked and routed as one packet (its segments are one flow), cut into
 * MSS-sized packets by an {@link OffloadReader} and handed to the path in one
 * {@link Path#sendSegments} call; a partial checksum of a single packet is completed first.
 */
final class ViReadLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ViReadLoop.class.getName());
    private static final int IPV6_HEADER = 40;
    private static final int SOURCE_OFFSET = 8;

    private final TunDevice tun;
    private final ByteBuffer buffer;
    private final byte[] homeAddress;
    private final Supplier<InterfaceSwitch> interfaceSwitch;
    private final ViCounters counters;
    private final OffloadReader offload;
    private volatile boolean running = true;

    ViReadLoop(TunDevice tun, int mtu, byte[] homeAddress, Supplier<InterfaceSwitch> interfaceSwitch,
            ViCounters counters) {
        this.tun = tun;
        int vnet = tun.vnetHeaderLength();
        this.buffer = ByteBuffer.allocateDirect(vnet > 0 ? vnet + 65_535 : mtu);
        this.offload = vnet > 0 ? OffloadReader.forTun() : null;
        this.homeAddress = homeAddress.clone();
        this.interfaceSwitch = interfaceSwitch;
        this.counters = counters;
    }

    @Override
    public void run() {
        int vnet = tun.vnetHeaderLength();
        while (running) {
            buffer.clear();
            int n;
            try {
                n = tun.read(buffer);
            } catch (PlatformException e) {
                if (running && tun.isOpen()) {
                    counters.dropped(ViCounters.DEVICE);
                    LOG.log(Level.WARNING, "reading " + tun.name() + " failed; the loop stops", e);
                }
                return;
            }
            if (n <= vnet) {
                continue;
            }
            buffer.limit(n).position(0);
            if (offload == null) {
                forward(buffer);
                continue;
            }
            int kind;
            try {
                kind = offload.prepare(buffer);
            } catch (MalformedPacketException e) {
                counters.dropped(ViCounters.MALFORMED);
                LOG.log(Level.FINE, "a read from " + tun.name() + " could not be prepared", e);
                continue;
            }
            if (kind == OffloadReader.SINGLE) {
                forward(buffer);
            } else {
                forwardSegments(buffer, offload.segments(), offload.segmentSize());
            }
        }
    }

    /**
     * Routes a super-packet (position..limit of {@code read}) and sends its segments on its path.
     */
    void forwardSegments(ByteBuffer read, ByteBuffer segments, int segmentSize) {
        Path path = route(read);
        if (path == null) {
            return;
        }
        int bytes = segments.remaining();
        int count = (bytes + segmentSize - 1) / segmentSize;
        int sent = path.sendSegments(segments, segmentSize);
        counters.sent(sent, sent == count ? bytes : (long) sent * segmentSize);
        for (int i = sent; i < count; i++) {
            counters.dropped(ViCounters.PATH_SEND);
        }
    }

    /** Checks one packet (position..limit) and sends it on its path; counts what happens. */
    void forward(ByteBuffer packet) {
        int start = packet.position();
        int length = packet.remaining();
        Path path = route(packet);
        if (path == null) {
            return;
        }
        packet.position(start);
        if (path.send(packet)) {
            counters.sent(1, length);
        } else {
            counters.dropped(ViCounters.PATH_SEND);
        }
    }

    /** Checks a packet (position..limit, unchanged) and finds its path; null after counting the drop. */
    private Path route(ByteBuffer packet) {
        int start = packet.position();
        int length = packet.remaining();
        if (length < IPV6_HEADER || (packet.get(start) & 0xf0) != 0x60
                || IPV6_HEADER + (packet.getShort(start + 4) & 0xffff) != length) {
            counters.dropped(ViCounters.MALFORMED);
            return null;
        }
        for (int i = 0; i < homeAddress.length; i++) {
            if (packet.get(start + SOURCE_OFFSET + i) != homeAddress[i]) {
                counters.dropped(ViCounters.WRONG_SOURCE);
                return null;
            }
        }
        InterfaceSwitch sw = interfaceSwitch.get();
        Path path = sw == null ? null : sw.pathFor(packet);
        if (path == null) {
            counters.dropped(ViCounters.NO_PATH);
        }
        return path;
    }

    /** Ends the loop after the current packet; closing the device wakes a waiting read. */
    void stop() {
        running = false;
    }
}
