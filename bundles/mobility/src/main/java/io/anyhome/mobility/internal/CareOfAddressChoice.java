package io.anyhome.mobility.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Chooses the one care-of address each uplink's tunnel path uses, from the IPv6 care-of
 * addresses movement detection reports and the IPv4 addresses {@link Ipv4AddressWatch} reports.
 *
 * <p>The rule: <b>IPv6 first</b>. An uplink with a usable IPv6 care-of address uses it; an uplink
 * with only an IPv4 address uses that, over IPv4 to the home agent's IPv4 address (RFC 5555), when
 * the node knows one ({@code homeAgentIpv4}). An IPv6 path needs no NAT keepalive and keeps its
 * address across NAT rebinding, so it wins where both exist; the IPv4 address takes over when the
 * IPv6 one goes and hands back when it returns. IPv4 addresses count only on interfaces the NIC
 * registry knows as uplinks (checked again when an uplink comes up), so a container bridge or a
 * VPN device with an IPv4 address gets no path.
 *
 * <p>Thread-safe; the {@link Sink} is called under this object's lock, in the order the changes
 * arrived, and must not call back.
 */
final class CareOfAddressChoice {
    /** Told which address an uplink's path is to use. Implemented by {@link MobileNode}. */
    interface Sink {
        /** The uplink's path is to use this care-of address (replacing the one it has, if any). */
        void use(String uplink, InetAddress careOf);

        /** The uplink has no care-of address any more: its path goes. */
        void lose(String uplink, InetAddress careOf, String cause);
    }

    private static final class Uplink {
        InetAddress ipv6;
        InetAddress ipv4;
        InetAddress chosen;
    }

    private final boolean ipv4Enabled;
    private final Predicate<String> isUplink;
    private final Sink sink;
    private final Map<String, Uplink> uplinks = new HashMap<>();

    /**
     * @param ipv4Enabled whether IPv4 care-of addresses can be used (the home agent's IPv4 address is known)
     * @param isUplink whether an interface is an uplink (claimed by a NIC driver)
     * @param sink told of each uplink's choice
     */
    CareOfAddressChoice(boolean ipv4Enabled, Predicate<String> isUplink, Sink sink) {
        this.ipv4Enabled = ipv4Enabled;
        this.isUplink = Objects.requireNonNull(isUplink);
        this.sink = Objects.requireNonNull(sink);
    }

    /**
     * An address of an uplink became usable.
     *
     * @param uplink the interface
     * @param address an IPv6 care-of address or an IPv4 address
     */
    synchronized void up(String uplink, InetAddress address) {
        Uplink u = uplinks.computeIfAbsent(uplink, k -> new Uplink());
        if (address instanceof Inet6Address) {
            u.ipv6 = address;
        } else if (address instanceof Inet4Address) {
            u.ipv4 = address;
        }
        decide(uplink, u, "care-of address replaced");
    }

    /**
     * An address of an uplink went away.
     *
     * @param uplink the interface
     * @param address the address
     * @param cause why, for the log and the path's failure
     */
    synchronized void down(String uplink, InetAddress address, String cause) {
        Uplink u = uplinks.get(uplink);
        if (u == null) {
            return;
        }
        if (address.equals(u.ipv6)) {
            u.ipv6 = null;
        } else if (address.equals(u.ipv4)) {
            u.ipv4 = null;
        } else {
            return;
        }
        decide(uplink, u, cause);
        if (u.ipv6 == null && u.ipv4 == null) {
            uplinks.remove(uplink);
        }
    }

    /**
     * Looks again at an uplink whose NIC came up (it may have become an uplink since its IPv4
     * address was reported).
     *
     * @param uplink the interface
     */
    synchronized void recheck(String uplink) {
        Uplink u = uplinks.get(uplink);
        if (u != null) {
            decide(uplink, u, "care-of address replaced");
        }
    }

    /** @return the address the uplink's path uses now, or null */
    synchronized InetAddress chosen(String uplink) {
        Uplink u = uplinks.get(uplink);
        return u == null ? null : u.chosen;
    }

    private void decide(String uplink, Uplink u, String cause) {
        InetAddress next = u.ipv6 != null ? u.ipv6
                : u.ipv4 != null && ipv4Enabled && isUplink.test(uplink) ? u.ipv4 : null;
        InetAddress before = u.chosen;
        if (Objects.equals(before, next)) {
            return;
        }
        u.chosen = next;
        if (next == null) {
            sink.lose(uplink, before, cause);
        } else {
            sink.use(uplink, next);
        }
    }
}
