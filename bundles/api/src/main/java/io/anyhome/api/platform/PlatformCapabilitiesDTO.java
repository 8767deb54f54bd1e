package io.anyhome.api.platform;

import java.util.Map;
import org.osgi.dto.DTO;

/**
 * What a {@link Platform} can do on this machine, probed once at activation. {@code anyhome check}
 * and the shell print it; components consult it to degrade instead of failing from a random
 * thread (a missing feature is reported here, not thrown later).
 */
public class PlatformCapabilitiesDTO extends DTO {
    /** The platform's name: {@code linux} or {@code sim}. */
    public String name;
    /** True if the platform can be used at all (TUN and rtnetlink work with the needed privileges). */
    public boolean available;
    /** Why the platform is unavailable; null when it is available. */
    public String unavailabilityCause;

    /** {@code /dev/net/tun} can be opened and a device created. */
    public boolean tun;
    /** TUN devices support {@code IFF_VNET_HDR} with offloads. */
    public boolean tunVnetHeader;
    /** TUN devices support {@code IFF_MULTI_QUEUE}. */
    public boolean tunMultiQueue;
    /** rtnetlink can be read (monitor). */
    public boolean rtnetlink;
    /** Links, addresses, routes and rules can be configured ({@code CAP_NET_ADMIN}). */
    public boolean netAdmin;
    /** Raw IPv6 and ICMPv6 sockets can be opened ({@code CAP_NET_RAW}). */
    public boolean rawSockets;
    /** Source-based policy routing rules ({@code ip -6 rule}) are supported. */
    public boolean policyRouting;
    /** Wireless station information is available (nl80211). */
    public boolean wirelessInfo;
    /** UDP segmentation offload ({@code UDP_SEGMENT}) is supported. */
    public boolean udpGso;
    /** UDP receive coalescing ({@code UDP_GRO}) is supported. */
    public boolean udpGro;
    /** The kernel has Mobile IPv6 support ({@code CONFIG_IPV6_MIP6}); anyhome works without it. */
    public boolean kernelMip6;

    /** For each feature field that is false, keyed by the field name: why. */
    public Map<String, String> featureCauses;
}
