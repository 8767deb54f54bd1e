package io.anyhome.mobility.internal;

import io.anyhome.api.IpPrefix;
import java.net.InetAddress;
import java.util.Collection;

/**
 * Whether an uplink is on the home link (RFC 6275 §11.5.5: "the mobile node detects that its home
 * subnet prefix is again on-link"): a Router Advertisement on it announced an on-link prefix that
 * is the home prefix or lies within it, or the address the uplink got falls in the home prefix.
 * Stateless; used by {@link MobileNode}.
 */
final class HomeLinkDetection {
    private HomeLinkDetection() {
    }

    /**
     * @param homePrefix the node identity's home prefix, or null (then no link is home)
     * @param onLinkPrefixes the on-link prefixes advertised on the uplink
     * @return true if one of them is the home prefix or inside it
     */
    static boolean advertisesHome(IpPrefix homePrefix, Collection<IpPrefix> onLinkPrefixes) {
        if (homePrefix == null) {
            return false;
        }
        for (IpPrefix p : onLinkPrefixes) {
            if (p.isIpv6() && p.length() >= homePrefix.length() && homePrefix.contains(p.address())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param homePrefix the node identity's home prefix, or null
     * @param address an uplink's address
     * @return true if the address is on the home prefix (the uplink is on the home link)
     */
    static boolean onHomePrefix(IpPrefix homePrefix, InetAddress address) {
        return homePrefix != null && address != null && homePrefix.contains(address);
    }
}
