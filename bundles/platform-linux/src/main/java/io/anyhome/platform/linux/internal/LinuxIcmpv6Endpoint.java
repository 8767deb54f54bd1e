package io.anyhome.platform.linux.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.PlatformException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * An ICMPv6 raw socket that receives only the types asked for ({@code ICMP6_FILTER}) with the
 * arrival interface and hop limit (a Router Advertisement is only valid with hop limit 255,
 * RFC 4861 §6.1.2), and sends with a per-message outgoing interface ({@code IPV6_PKTINFO}) and hop
 * limit ({@code IPV6_HOPLIMIT}) as ancillary data, so one socket serves every interface. The
 * kernel computes the checksum. Messages sent to a multicast group are not looped back to this
 * node's own stack ({@code IPV6_MULTICAST_LOOP} 0). Opened by {@link LinuxSockets#openIcmpv6}. Threads: see
 * {@link SocketEndpoint}.
 */
final class LinuxIcmpv6Endpoint extends SocketEndpoint implements Icmpv6Endpoint {
    private static final int FILTER_LENGTH = 32;
    private static final int SEND_CONTROL = CmsgCodec.space(20) + CmsgCodec.space(4);

    private final SocketSetup setup;

    private LinuxIcmpv6Endpoint(String description, SocketSetup setup) {
        super(setup, Native.AF_INET6, description, "message", SEND_CONTROL);
        this.setup = setup;
    }

    /**
     * Opens the socket.
     *
     * @param options type filter, address, device, mark
     * @return the endpoint
     * @throws PlatformException naming the failed step; {@code PERMISSION_DENIED} without {@code CAP_NET_RAW}
     */
    static LinuxIcmpv6Endpoint open(Icmpv6Options options) throws PlatformException {
        String socket = "ICMPv6 socket" + (options.types().isEmpty() ? "" : " for types " + options.types());
        SocketSetup setup = SocketSetup.open(Native.AF_INET6, Native.SOCK_RAW, Native.IPPROTO_ICMPV6, socket);
        try {
            if (!options.types().isEmpty()) {
                // struct icmp6_filter: a set bit blocks the type.
                Pointer filter = setup.nativeAccess().allocate(FILTER_LENGTH);
                filter.setMemory(0, FILTER_LENGTH, (byte) 0xff);
                for (int type : options.types()) {
                    int word = (type >>> 5) * 4;
                    filter.putInt(word, filter.getInt(word) & ~(1 << (type & 31)));
                }
                setup.set(Native.IPPROTO_ICMPV6, Native.ICMP6_FILTER, "ICMP6_FILTER " + options.types(),
                        filter, FILTER_LENGTH);
            }
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 1);
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT", 1);
            // What anyhome sends to a group is for the other nodes on the link. Looped back, a
            // home agent's unsolicited Neighbour Advertisement for a home address it proxies (its
            // own link-layer address, override) would replace its kernel's entry for that address
            // (RFC 4861 §7.2.5; Linux skips its own proxy advertisements only with the "all"
            // proxy_ndp), and its answers to the node once home would go to itself.
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_MULTICAST_LOOP, "IPV6_MULTICAST_LOOP", 0);
            setup.device(options.device());
            setup.mark(options.mark());
            if (options.bindAddress() != null) {
                setup.bind(Native.AF_INET6, options.bindAddress(), 0, options.device());
            }
            return new LinuxIcmpv6Endpoint(socket + (options.device() != null ? " dev " + options.device() : ""),
                    setup);
        } catch (PlatformException | RuntimeException e) {
            setup.abandon();
            throw e;
        }
    }

    /**
     * Joins a multicast group ({@code IPV6_ADD_MEMBERSHIP}), for example all-routers
     * {@code ff02::2} on a home agent that must hear Router Solicitations. Not on the hot path.
     *
     * @param group the IPv6 multicast group
     * @param interfaceIndex the interface to join it on
     * @throws PlatformException naming the group and interface if the kernel refuses
     */
    void joinGroup(InetAddress group, int interfaceIndex) throws PlatformException {
        if (!(group instanceof Inet6Address) || !group.isMulticastAddress()) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "join " + AddressText.format(group) + " on " + description
                    + ": not an IPv6 multicast address");
        }
        enter();
        try {
            Pointer request = n.allocate(20); // struct ipv6_mreq: group(16) ifindex(4)
            request.put(0, group.getAddress(), 0, 16);
            request.putInt(16, interfaceIndex);
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_ADD_MEMBERSHIP,
                    "IPV6_ADD_MEMBERSHIP " + AddressText.format(group) + " interface " + interfaceIndex, request, 20);
        } finally {
            leave();
        }
    }

    @Override
    public void send(ByteBuffer src, InetAddress destination, int interfaceIndex, int hopLimit) throws PlatformException {
        if (hopLimit < 1 || hopLimit > 255) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + ": hop limit "
                    + hopLimit + " is outside 1..255");
        }
        enter();
        try {
            synchronized (sendLock) {
                boolean scoped = interfaceIndex != 0
                        && (destination.isLinkLocalAddress() || destination.isMulticastAddress());
                tx.useName(destination(destination, 0, scoped ? interfaceIndex : 0));
                int control = 0;
                if (interfaceIndex != 0) {
                    control = CmsgCodec.putIpv6PacketInfo(tx.control, control, interfaceIndex);
                }
                control = CmsgCodec.putInt(tx.control, control, Native.IPPROTO_IPV6, Native.IPV6_HOPLIMIT,
                        hopLimit);
                tx.useControl(control);
                sendPrepared(src, src.remaining());
            }
            src.position(src.limit());
        } catch (ErrnoException e) {
            throw sendFailure(e, "send from " + description + " to " + AddressText.format(destination)
                    + " interface " + interfaceIndex + " hop limit " + hopLimit);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + ": " + e.getMessage());
        } finally {
            leave();
        }
    }
}
