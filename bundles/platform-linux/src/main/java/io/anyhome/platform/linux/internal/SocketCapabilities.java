package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the socket layer can do on this kernel, probed once by {@link LinuxSockets}: UDP
 * segmentation offload ({@code UDP_SEGMENT}, Linux 4.18), UDP receive coalescing ({@code UDP_GRO},
 * Linux 5.0) and raw sockets ({@code CAP_NET_RAW}). {@code LinuxPlatform} copies it into its
 * {@link PlatformCapabilitiesDTO}.
 *
 * @param udpGso {@code UDP_SEGMENT} is accepted
 * @param udpGro {@code UDP_GRO} is accepted
 * @param rawSockets an ICMPv6 raw socket can be opened
 * @param causes for each false field, keyed by the DTO field name: why
 */
record SocketCapabilities(boolean udpGso, boolean udpGro, boolean rawSockets, Map<String, String> causes) {

    SocketCapabilities {
        causes = Map.copyOf(causes);
    }

    /** Probes the kernel with throw-away sockets. */
    static SocketCapabilities probe() {
        Map<String, String> causes = new HashMap<>();
        Native n;
        try {
            n = Native.get();
        } catch (PlatformException e) {
            causes.put("udpGso", e.getMessage());
            causes.put("udpGro", e.getMessage());
            causes.put("rawSockets", e.getMessage());
            return new SocketCapabilities(false, false, false, causes);
        }
        if (!n.lp64()) {
            String why = "native socket structures are laid out for 64-bit Linux only";
            causes.put("udpGso", why);
            causes.put("udpGro", why);
            causes.put("rawSockets", why);
            return new SocketCapabilities(false, false, false, causes);
        }
        boolean gso = false;
        boolean gro = false;
        try {
            int fd = n.socket(Native.AF_INET6, Native.SOCK_DGRAM, Native.IPPROTO_UDP);
            try {
                gso = accepts(n, fd, Native.UDP_SEGMENT, "udpGso", "UDP_SEGMENT", causes);
                gro = accepts(n, fd, Native.UDP_GRO, "udpGro", "UDP_GRO", causes);
            } finally {
                n.close(fd);
            }
        } catch (ErrnoException e) {
            causes.put("udpGso", "cannot open an IPv6 UDP socket: " + e.getMessage());
            causes.put("udpGro", "cannot open an IPv6 UDP socket: " + e.getMessage());
        }
        boolean raw = false;
        try {
            n.close(n.socket(Native.AF_INET6, Native.SOCK_RAW, Native.IPPROTO_ICMPV6));
            raw = true;
        } catch (ErrnoException e) {
            causes.put("rawSockets", "cannot open an ICMPv6 raw socket (needs CAP_NET_RAW): " + e.getMessage());
        }
        return new SocketCapabilities(gso, gro, raw, causes);
    }

    private static boolean accepts(Native n, int fd, int option, String field, String name, Map<String, String> causes) {
        try {
            n.setIntOption(fd, Native.IPPROTO_UDP, option, 0);
            return true;
        } catch (ErrnoException e) {
            causes.put(field, "the kernel refuses " + name + ": " + e.getMessage());
            return false;
        }
    }

    /** Copies the fields into the platform's capabilities, adding the causes to its {@code featureCauses}. */
    void applyTo(PlatformCapabilitiesDTO dto) {
        dto.udpGso = udpGso;
        dto.udpGro = udpGro;
        dto.rawSockets = rawSockets;
        Map<String, String> merged = dto.featureCauses == null ? new HashMap<>() : new HashMap<>(dto.featureCauses);
        merged.putAll(causes);
        dto.featureCauses = merged;
    }
}
