package io.anyhome.ifs.internal;

import io.anyhome.api.platform.LinkEvent;
import java.util.Set;

/**
 * Which links are NICs that drivers may claim: physical (and lab veth) interfaces; not the
 * loopback, not TUN/TAP devices such as {@code home0}, not tunnels (which anyhome or the operator
 * builds on top of NICs, and which carry no access technology of their own).
 */
final class NicFilter {
    private static final Set<String> NOT_NICS = Set.of("tun", "ip6tnl", "sit", "gre", "gretap", "ip6gre",
            "ip6gretap", "ipip", "vti", "vti6", "wireguard", "xfrm", "vxlan", "geneve", "erspan", "ip6erspan");

    private NicFilter() {
    }

    /** @return true if drivers may claim the link */
    static boolean isNic(LinkEvent link) {
        return (link.flags() & LinkEvent.IFF_LOOPBACK) == 0 && !NOT_NICS.contains(link.kind());
    }
}
