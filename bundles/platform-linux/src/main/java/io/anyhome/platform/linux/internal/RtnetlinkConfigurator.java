package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Configures links, addresses, routes, policy rules and proxy neighbours with rtnetlink, each
 * call a request the kernel acknowledges or refuses; a refusal becomes a
 * {@link PlatformException} with the errno and the kernel's extended-ack message. Idempotent as
 * {@code Platform} promises: adding what exists and removing what does not succeed.
 *
 * <p>Each call opens its own short-lived socket in the calling thread's network namespace, so
 * calls are thread-safe and follow the caller into a namespace. Used by
 * {@link RtnetlinkPlatformOps}.
 */
final class RtnetlinkConfigurator {
    private static final int MAX_RULES_AT_ONE_PRIORITY = 4096;

    private static final Pattern INTERFACE_NAME = Pattern.compile("[^/:\\s]{1,15}");

    /**
     * @param name an interface name
     * @return its index
     * @throws PlatformException {@code NOT_FOUND} if there is no such interface
     */
    int interfaceIndex(String name) throws PlatformException {
        if (name == null || !INTERFACE_NAME.matcher(name).matches()) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "'" + name + "' is not an interface name");
        }
        return link("look up interface " + name, RtnetlinkRequests.getLink(name)).index();
    }

    /**
     * @param index an interface index
     * @return its name
     * @throws PlatformException {@code NOT_FOUND} if there is no such interface
     */
    String interfaceName(int index) throws PlatformException {
        return link("look up interface #" + index, RtnetlinkRequests.getLink(index)).name();
    }

    /**
     * @param index an interface index
     * @return its kernel counters ({@code IFLA_STATS64} of {@code RTM_GETLINK})
     * @throws PlatformException {@code NOT_FOUND} with {@code ENODEV} if there is no such interface
     */
    LinkStatistics linkStatistics(int index) throws PlatformException {
        String what = "read the counters of interface #" + index;
        for (NetlinkMessage m : execute(what, RtnetlinkRequests.getLink(index))) {
            if (m.type() == Rtnetlink.RTM_NEWLINK) {
                try {
                    return RtnetlinkDecoder.statistics(m);
                } catch (NetlinkMalformedException e) {
                    throw new PlatformException(Code.IO_ERROR, what + ": malformed answer: " + e.getMessage());
                }
            }
        }
        throw new PlatformException(Code.IO_ERROR, what + ": the kernel acknowledged without the link");
    }

    private LinkEvent link(String what, NetlinkMessageBuilder request) throws PlatformException {
        for (NetlinkMessage m : execute(what, request)) {
            if (m.type() == Rtnetlink.RTM_NEWLINK) {
                try {
                    return RtnetlinkDecoder.link(m, System.currentTimeMillis());
                } catch (NetlinkMalformedException e) {
                    throw new PlatformException(Code.IO_ERROR, what + ": malformed answer: " + e.getMessage());
                }
            }
        }
        throw new PlatformException(Code.IO_ERROR, what + ": the kernel acknowledged without the link");
    }

    void setLinkUp(int index, boolean up) throws PlatformException {
        execute("set interface #" + index + (up ? " up" : " down"), RtnetlinkRequests.setLinkUp(index, up));
    }

    void setMtu(int index, int mtu) throws PlatformException {
        execute("set the MTU of interface #" + index + " to " + mtu, RtnetlinkRequests.setMtu(index, mtu));
    }

    void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException {
        execute("add address " + address + " to interface #" + index + (skipDad ? " without DAD" : ""),
                RtnetlinkRequests.address(true, index, address, skipDad));
    }

    void removeAddress(int index, IpPrefix address) throws PlatformException {
        execute("remove address " + address + " from interface #" + index,
                RtnetlinkRequests.address(false, index, address, false), Native.EADDRNOTAVAIL);
    }

    void addRoute(RouteSpec route) throws PlatformException {
        execute("add route " + describe(route), RtnetlinkRequests.route(true, route));
    }

    void removeRoute(RouteSpec route) throws PlatformException {
        execute("remove route " + describe(route), RtnetlinkRequests.route(false, route), Native.ESRCH);
    }

    void addRule(PolicyRule rule) throws PlatformException {
        execute("add rule " + describe(rule), RtnetlinkRequests.rule(true, rule), Native.EEXIST);
    }

    void removeRule(PolicyRule rule) throws PlatformException {
        execute("remove rule " + describe(rule), RtnetlinkRequests.rule(false, rule), Native.ENOENT);
    }

    /** Deletes IPv6 rules at this priority one by one until the kernel has none left (ENOENT). */
    int removeRules(int priority) throws PlatformException {
        String what = "remove rules at priority " + priority;
        for (int removed = 0; removed < MAX_RULES_AT_ONE_PRIORITY; removed++) {
            try (NetlinkSocket socket = NetlinkSocket.open(Native.NETLINK_ROUTE, 0, 0)) {
                socket.execute(what, RtnetlinkRequests.removeRuleAt(priority));
            } catch (ErrnoException e) {
                if (e.errno() == Native.ENOENT) {
                    return removed;
                }
                throw e.toPlatformException(what);
            } catch (IOException e) {
                throw NetlinkSocket.toPlatformException(what, e);
            }
        }
        throw new PlatformException(AnyhomeException.Code.IO_ERROR, what + ": still rules left after "
                + MAX_RULES_AT_ONE_PRIORITY + " removals");
    }

    void addProxyNeighbour(int index, InetAddress address) throws PlatformException {
        execute("add proxy neighbour " + AddressText.format(address) + " on interface #" + index,
                RtnetlinkRequests.proxyNeighbour(true, index, address));
    }

    void removeProxyNeighbour(int index, InetAddress address) throws PlatformException {
        execute("remove proxy neighbour " + AddressText.format(address) + " from interface #" + index,
                RtnetlinkRequests.proxyNeighbour(false, index, address), Native.ENOENT);
    }

    void removeNeighbour(int index, InetAddress address) throws PlatformException {
        execute("remove neighbour " + AddressText.format(address) + " from interface #" + index,
                RtnetlinkRequests.removeNeighbour(index, address), Native.ENOENT);
    }

    private static String describe(RouteSpec r) {
        return r.destination().network() + (r.gateway() == null ? "" : " via " + AddressText.format(r.gateway()))
                + (r.index() > 0 ? " dev #" + r.index() : "") + " table " + r.table() + " metric " + r.metric();
    }

    private static String describe(PolicyRule r) {
        return "from " + r.from().network() + " lookup " + r.table() + " priority " + r.priority();
    }

    /**
     * @param tolerated errnos meaning the change is already in place (idempotency)
     */
    private static List<NetlinkMessage> execute(String what, NetlinkMessageBuilder request, int... tolerated)
            throws PlatformException {
        try (NetlinkSocket socket = NetlinkSocket.open(Native.NETLINK_ROUTE, 0, 0)) {
            return socket.execute(what, request);
        } catch (ErrnoException e) {
            for (int t : tolerated) {
                if (e.errno() == t) {
                    return List.of();
                }
            }
            throw e.toPlatformException(what);
        } catch (IOException e) {
            throw NetlinkSocket.toPlatformException(what, e);
        }
    }
}
