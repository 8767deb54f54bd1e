package io.anyhome.vi.internal;

import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.path.Path;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
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
    private volatile boolean running = true;

    ViReadLoop(TunDevice tun, int mtu, byte[] homeAddress, Supplier<InterfaceSwitch> interfaceSwitch,
            ViCounters counters) {
        this.tun = tun;
        this.buffer = ByteBuffer.allocateDirect(tun.vnetHeaderLength() + mtu);
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
            buffer.limit(n).position(vnet);
            forward(buffer);
        }
    }

    /** Checks one packet (position..limit) and sends it on its path; counts what happens. */
    void forward(ByteBuffer packet) {
        int start = packet.position();
        int length = packet.remaining();
        if (length < IPV6_HEADER || (packet.get(start) & 0xf0) != 0x60
                || IPV6_HEADER + (packet.getShort(start + 4) & 0xffff) != length) {
            counters.dropped(ViCounters.MALFORMED);
            return;
        }
        for (int i = 0; i < homeAddress.length; i++) {
            if (packet.get(start + SOURCE_OFFSET + i) != homeAddress[i]) {
                counters.dropped(ViCounters.WRONG_SOURCE);
                return;
            }
        }
        InterfaceSwitch sw = interfaceSwitch.get();
        Path path = sw == null ? null : sw.pathFor(packet);
        if (path == null) {
            counters.dropped(ViCounters.NO_PATH);
            return;
        }
        packet.position(start);
        if (path.send(packet)) {
            counters.sent(length);
        } else {
            counters.dropped(ViCounters.PATH_SEND);
        }
    }

    /** Ends the loop after the current packet; closing the device wakes a waiting read. */
    void stop() {
        running = false;
    }
}
