package io.anyhome.vi.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A platform that keeps the kernel's tables as sets, so tests see what the VI installed, and a
 * TUN device made of two queues. Only what the VI uses is implemented.
 */
final class FakePlatform implements Platform {
    final Set<String> addresses = new LinkedHashSet<>();
    final Set<RouteSpec> routes = new LinkedHashSet<>();
    final Set<PolicyRule> rules = new LinkedHashSet<>();
    final List<NetworkListener> listeners = new ArrayList<>();
    FakeTun tun;
    TunOptions tunOptions;
    int failRulesWithErrno;

    @Override
    public PlatformCapabilitiesDTO capabilities() {
        PlatformCapabilitiesDTO dto = new PlatformCapabilitiesDTO();
        dto.name = "fake";
        dto.available = true;
        return dto;
    }

    @Override
    public TunDevice openTun(TunOptions options) {
        tunOptions = options;
        tun = new FakeTun(options.name(), 7);
        return tun;
    }

    @Override
    public Registration monitor(NetworkListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public int interfaceIndex(String name) throws PlatformException {
        throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no " + name, 19, null);
    }

    @Override
    public void setLinkUp(int index, boolean up) {
    }

    @Override
    public void setMtu(int index, int mtu) {
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) {
        addresses.add(index + " " + address + (skipDad ? " nodad" : ""));
    }

    @Override
    public void removeAddress(int index, IpPrefix address) {
        addresses.removeIf(a -> a.startsWith(index + " " + address));
    }

    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        if (!routes.add(route)) {
            throw new PlatformException(AnyhomeException.Code.CONFLICT, "route exists", 17, null);
        }
    }

    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        if (!routes.remove(route)) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no such route", 3, null);
        }
    }

    @Override
    public void addRule(PolicyRule rule) throws PlatformException {
        if (failRulesWithErrno != 0) {
            throw new PlatformException(AnyhomeException.Code.IO_ERROR, "rule refused", failRulesWithErrno, "Invalid table");
        }
        if (!rules.add(rule)) {
            throw new PlatformException(AnyhomeException.Code.CONFLICT, "rule exists", 17, null);
        }
    }

    @Override
    public void removeRule(PolicyRule rule) throws PlatformException {
        if (!rules.remove(rule)) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no such rule", 2, null);
        }
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) {
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) {
    }

    @Override
    public int ipv6Setting(String interfaceName, Ipv6Setting setting) {
        return 0;
    }

    @Override
    public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) {
    }

    @Override
    public LinkDetails linkDetails(int index) {
        return new LinkDetails("", false);
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) {
        return Optional.empty();
    }

    @Override
    public UdpEndpoint openUdp(UdpOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) {
        throw new UnsupportedOperationException();
    }

    /** A TUN device: the test puts what the kernel would route into {@code home0} in {@link #fromKernel}. */
    static final class FakeTun implements TunDevice {
        final BlockingQueue<byte[]> fromKernel = new LinkedBlockingQueue<>();
        final List<byte[]> toKernel = new ArrayList<>();
        private final String name;
        private final int index;
        private volatile boolean open = true;

        FakeTun(String name, int index) {
            this.name = name;
            this.index = index;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int vnetHeaderLength() {
            return 0;
        }

        @Override
        public int read(ByteBuffer dst) throws PlatformException {
            try {
                while (open) {
                    byte[] p = fromKernel.poll(20, TimeUnit.MILLISECONDS);
                    if (p != null) {
                        dst.put(p);
                        return p.length;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new PlatformException(AnyhomeException.Code.CLOSED, name + " is closed");
        }

        @Override
        public int tryRead(ByteBuffer dst) {
            byte[] p = fromKernel.poll();
            if (p == null) {
                return -1;
            }
            dst.put(p);
            return p.length;
        }

        @Override
        public void write(ByteBuffer src) {
            tryWrite(src);
        }

        @Override
        public synchronized boolean tryWrite(ByteBuffer src) {
            byte[] p = new byte[src.remaining()];
            src.get(p);
            toKernel.add(p);
            return true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
