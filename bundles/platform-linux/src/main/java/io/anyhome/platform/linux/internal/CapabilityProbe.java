package io.anyhome.platform.linux.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds out once what the Linux platform can do here: jnr-ffi and jffi load, {@code /dev/net/tun}
 * opens and reports its features ({@code TUNGETFEATURES}, without creating a device), the thread's
 * effective capabilities ({@code CapEff} of {@code /proc/thread-self/status}) include
 * {@code CAP_NET_ADMIN} and {@code CAP_NET_RAW}, and an rtnetlink socket opens. The collaborators
 * then add what they know. Never throws: whatever fails is a false flag with its cause.
 *
 * <p>{@code available} means TUN devices can be made and the kernel can be configured: native
 * access, TUN, {@code CAP_NET_ADMIN} and an rtnetlink socket.
 */
final class CapabilityProbe {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_NET_RAW = 13;

    private final Path procStatus;
    private final Path mip6Module;

    CapabilityProbe(Path procStatus, Path mip6Module) {
        this.procStatus = procStatus;
        this.mip6Module = mip6Module;
    }

    static CapabilityProbe system() {
        return new CapabilityProbe(Path.of("/proc/thread-self/status"), Path.of("/sys/module/mip6"));
    }

    PlatformCapabilitiesDTO probe(NetworkMonitor monitor, SocketFactory sockets) {
        PlatformCapabilitiesDTO c = new PlatformCapabilitiesDTO();
        c.name = ConfigurationPids.PLATFORM_LINUX;
        Map<String, String> causes = new LinkedHashMap<>();
        long caps = -1;
        try {
            caps = effectiveCapabilities(Files.readString(procStatus));
        } catch (IOException | RuntimeException e) {
            causes.put("netAdmin", "cannot read " + procStatus + ": " + e);
        }
        c.netAdmin = caps >= 0 && (caps & (1L << CAP_NET_ADMIN)) != 0;
        if (caps >= 0 && !c.netAdmin) {
            causes.put("netAdmin", "the process lacks CAP_NET_ADMIN (run as root or grant it)");
        }
        boolean netRaw = caps >= 0 && (caps & (1L << CAP_NET_RAW)) != 0;

        Native n = null;
        String nativeCause = null;
        try {
            n = Native.get();
        } catch (PlatformException e) {
            nativeCause = e.getMessage();
        }
        boolean netlinkSocket = false;
        if (n == null) {
            for (String f : new String[] {"tun", "tunVnetHeader", "tunMultiQueue", "rtnetlink"}) {
                causes.put(f, nativeCause);
            }
        } else {
            probeTun(n, c, causes);
            netlinkSocket = probeNetlink(n, causes);
        }
        if (c.tun && !c.netAdmin) {
            c.tun = false;
            causes.put("tun", "/dev/net/tun opens, but creating a device needs CAP_NET_ADMIN");
        }
        c.rtnetlink = netlinkSocket;
        c.rawSockets = netRaw;
        if (!c.rawSockets) {
            causes.put("rawSockets", "the process lacks CAP_NET_RAW");
        }
        c.kernelMip6 = Files.isDirectory(mip6Module);
        if (!c.kernelMip6) {
            causes.put("kernelMip6", "kernel module mip6 is not loaded (anyhome does not need it)");
        }
        c.featureCauses = causes;
        describe(monitor, c);
        describe(sockets, c);

        c.available = n != null && c.tun && c.netAdmin && netlinkSocket;
        if (!c.available) {
            c.unavailabilityCause = n == null ? nativeCause
                    : !c.netAdmin ? causes.get("netAdmin")
                    : !c.tun ? causes.get("tun")
                    : causes.get("rtnetlink");
        }
        for (String f : new String[] {"policyRouting", "wirelessInfo", "udpGso", "udpGro"}) {
            if (!flag(c, f)) {
                causes.putIfAbsent(f, "not probed");
            }
        }
        causes.keySet().removeIf(f -> flag(c, f));
        return c;
    }

    private static void describe(Object collaborator, PlatformCapabilitiesDTO c) {
        try {
            if (collaborator instanceof NetworkMonitor m) {
                m.describe(c);
            } else if (collaborator instanceof SocketFactory s) {
                s.describe(c);
            }
        } catch (RuntimeException e) {
            c.featureCauses.put("probe", collaborator.getClass().getSimpleName() + " failed to describe itself: " + e);
        }
    }

    private static void probeTun(Native n, PlatformCapabilitiesDTO c, Map<String, String> causes) {
        int fd = -1;
        try {
            fd = n.open("/dev/net/tun", Native.O_RDWR | Native.O_CLOEXEC);
            c.tun = true;
            ByteBuffer features = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            n.ioctl(fd, LinuxTunDevice.TUNGETFEATURES, features, "TUNGETFEATURES");
            int f = features.getInt(0);
            c.tunVnetHeader = (f & LinuxTunDevice.IFF_VNET_HDR) != 0;
            c.tunMultiQueue = (f & LinuxTunDevice.IFF_MULTI_QUEUE) != 0;
            if (!c.tunVnetHeader) {
                causes.put("tunVnetHeader", "the kernel's TUN driver lacks IFF_VNET_HDR");
            }
            if (!c.tunMultiQueue) {
                causes.put("tunMultiQueue", "the kernel's TUN driver lacks IFF_MULTI_QUEUE");
            }
        } catch (ErrnoException e) {
            String cause = e.errno() == Native.ENOENT ? "/dev/net/tun does not exist (tun module not loaded?)"
                    : e.getMessage();
            if (!c.tun) {
                causes.put("tun", cause);
            }
            causes.put("tunVnetHeader", cause);
            causes.put("tunMultiQueue", cause);
        } finally {
            n.close(fd);
        }
    }

    private static boolean probeNetlink(Native n, Map<String, String> causes) {
        try {
            n.close(n.socket(Native.AF_NETLINK, Native.SOCK_RAW, Native.NETLINK_ROUTE));
            return true;
        } catch (ErrnoException e) {
            causes.put("rtnetlink", e.getMessage());
            return false;
        }
    }

    /**
     * @param status the text of {@code /proc/<pid>/status}
     * @return the {@code CapEff} bit set
     * @throws IllegalArgumentException if there is no {@code CapEff} line
     */
    static long effectiveCapabilities(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
            }
        }
        throw new IllegalArgumentException("no CapEff line");
    }

    private static boolean flag(PlatformCapabilitiesDTO c, String field) {
        try {
            return PlatformCapabilitiesDTO.class.getField(field).getBoolean(c);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
