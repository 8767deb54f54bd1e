package io.anyhome.vi.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.vi.ViDTO;
import io.anyhome.api.vi.VirtualInterface;
import io.anyhome.packet.offload.TcpCoalescer;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code home0}: the TUN device holding the home address, the routes that make it carry the
 * node's traffic, and the read loop (no OSGi here; {@link VirtualInterfaceComponent} adapts it).
 *
 * <p>Start-up, in order: remove the rules a killed predecessor left at the VI's rule priority,
 * open the TUN (up, MTU = uplink MTU less the tunnel overhead), add the home address as a /128 without DAD (it is this node's alone; the home agent defends it on the
 * home link), add {@code default dev home0 metric 1} to the main table — below the metric 1024
 * of the kernel's RA-learned defaults, so those never win — then follow the uplinks through the
 * platform's monitor ({@link UplinkRouting}) and start the read loop. {@link #close()} undoes it
 * all in reverse; the device's own routes go with it.
 */
final class HomeInterface implements VirtualInterface, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HomeInterface.class.getName());
    static final int VI_DEFAULT_METRIC = 1;

    private final Platform platform;
    private final ViConfiguration config;
    private final TunDevice tun;
    private final ViCounters counters = new ViCounters();
    /** With a virtio-net header: per delivering thread, the header and a copy of the packet. */
    private final ThreadLocal<ByteBuffer> framed;
    /** With a virtio-net header: per delivering thread, the TCP run being merged. */
    private final ThreadLocal<TcpCoalescer> coalescers;
    private final UplinkRouting routing;
    private final ViReadLoop loop;
    private final Thread loopThread;
    private volatile String failure;
    private Registration monitor;

    private HomeInterface(Platform platform, ViConfiguration config, TunDevice tun,
            Supplier<InterfaceSwitch> interfaceSwitch) {
        this.platform = platform;
        this.config = config;
        this.tun = tun;
        this.routing = new UplinkRouting(platform, tun.index(), config, this::fail);
        int vnet = tun.vnetHeaderLength();
        this.framed = vnet > 0 ? ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(vnet + config.mtu())) : null;
        this.coalescers = vnet > 0 ? ThreadLocal.withInitial(() -> new TcpCoalescer(vnet)) : null;
        this.loop = new ViReadLoop(tun, config.mtu(), config.homeAddress().getAddress(),
                interfaceSwitch, counters);
        this.loopThread = new Thread(loop, "anyhome-vi-" + tun.name());
        this.loopThread.setDaemon(true);
    }

    /**
     * Opens and configures {@code home0} and starts its read loop.
     *
     * @param platform the platform
     * @param config the settings
     * @param interfaceSwitch where the loop finds the current switch (null while there is none)
     * @return the running interface
     * @throws PlatformException if the device, the address or the route cannot be set up;
     *     whatever was set up is undone first
     */
    static HomeInterface start(Platform platform, ViConfiguration config,
            Supplier<InterfaceSwitch> interfaceSwitch) throws PlatformException {
        // the care-of-address rules' priority is ours: what is there now was left by a node
        // killed before it could clean up, possibly for addresses that are gone
        int stale = platform.removeRules(config.rulePriority());
        if (stale > 0) {
            LOG.info(() -> "removed " + stale + " rule(s) at priority " + config.rulePriority()
                    + " left by a previous node");
        }
        TunOptions options = config.tunOptions();
        PlatformCapabilitiesDTO can = platform.capabilities();
        if (options.vnetHeader() && !can.tunVnetHeader) {
            String why = can.featureCauses == null ? null : can.featureCauses.get("tunVnetHeader");
            LOG.info(() -> config.name() + " without offloads (vnetHeader): " + (why == null ? "not available" : why));
            options = new TunOptions(options.name(), options.mtu(), false, options.multiQueue());
        }
        TunDevice tun = platform.openTun(options);
        HomeInterface vi = new HomeInterface(platform, config, tun, interfaceSwitch);
        try {
            platform.addAddress(tun.index(), IpPrefix.host(config.homeAddress()), true);
            platform.addRoute(vi.defaultRoute());
            vi.monitor = platform.monitor(vi.routing);
        } catch (PlatformException | RuntimeException e) {
            vi.close();
            throw e;
        }
        vi.loopThread.start();
        return vi;
    }

    RouteSpec defaultRoute() {
        return RouteSpec.onLink(IpPrefix.parse("::/0"), tun.index(), VI_DEFAULT_METRIC);
    }

    @Override
    public String name() {
        return tun.name();
    }

    @Override
    public InetAddress homeAddress() {
        return config.homeAddress();
    }

    @Override
    public boolean deliver(ByteBuffer packet) {
        if (!deliverable(packet)) {
            return false;
        }
        return write(framed == null ? packet : frame(packet), 1, packet.remaining());
    }

    @Override
    public boolean deliverBatched(ByteBuffer packet) {
        if (coalescers == null) {
            return deliver(packet);
        }
        if (!deliverable(packet)) {
            return false;
        }
        TcpCoalescer c = coalescers.get();
        if (c.add(packet)) {
            return true;
        }
        flush(c);
        return c.add(packet) || write(frame(packet), 1, packet.remaining());
    }

    @Override
    public void flushBatch() {
        if (coalescers != null) {
            flush(coalescers.get());
        }
    }

    private void flush(TcpCoalescer c) {
        if (!c.isEmpty()) {
            int packets = c.heldSegments();
            int bytes = c.heldBytes();
            write(c.finish(), packets, bytes);
        }
    }

    private boolean deliverable(ByteBuffer packet) {
        int length = packet.remaining();
        if (length < 40 || (packet.get(packet.position()) & 0xf0) != 0x60) {
            counters.dropped(ViCounters.MALFORMED);
            return false;
        }
        if (length > config.mtu()) {
            counters.dropped(ViCounters.TOO_BIG);
            return false;
        }
        return true;
    }

    /** Writes a frame carrying {@code packets} packets of {@code bytes} bytes; counts the outcome. */
    private boolean write(ByteBuffer frame, int packets, int bytes) {
        try {
            if (tun.tryWrite(frame)) {
                counters.delivered(packets, bytes);
                return true;
            }
        } catch (PlatformException e) {
            fail("writing to " + tun.name() + ": " + e.getMessage());
        }
        for (int i = 0; i < packets; i++) {
            counters.dropped(ViCounters.DEVICE);
        }
        return false;
    }

    /** The packet behind a plain virtio-net header (no offload asked: the kernel checks it). */
    private ByteBuffer frame(ByteBuffer packet) {
        ByteBuffer out = framed.get();
        int vnet = tun.vnetHeaderLength();
        out.clear();
        for (int i = 0; i < vnet; i++) {
            out.put(i, (byte) 0);
        }
        out.put(vnet, packet, packet.position(), packet.remaining());
        out.limit(vnet + packet.remaining());
        return out;
    }

    @Override
    public ViDTO describe() {
        ViDTO dto = new ViDTO();
        dto.name = tun.name();
        dto.index = tun.index();
        dto.homeAddress = AddressText.format(config.homeAddress());
        dto.mtu = config.mtu();
        dto.running = loopThread.isAlive() && tun.isOpen();
        dto.vnetHeader = tun.vnetHeaderLength() > 0;
        dto.mobileNetworkPrefixes = List.of();
        dto.counters = counters.toDTO();
        dto.failure = failure;
        return dto;
    }

    UplinkRouting routing() {
        return routing;
    }

    ViCounters counters() {
        return counters;
    }

    ViReadLoop loop() {
        return loop;
    }

    private void fail(String what) {
        if (!what.equals(failure)) {
            LOG.warning(what);
        }
        failure = what;
    }

    /** Stops the loop, removes the per-uplink rules and routes, closes the device. */
    @Override
    public void close() {
        loop.stop();
        if (monitor != null) {
            monitor.close();
        }
        routing.close();
        tun.close(); // takes home0's address and routes with it
        try {
            loopThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loopThread.isAlive()) {
            LOG.log(Level.WARNING, "the read loop of {0} did not stop within 2 s", tun.name());
        }
    }
}
