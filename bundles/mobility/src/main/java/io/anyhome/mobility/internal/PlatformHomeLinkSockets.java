package io.anyhome.mobility.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.packet.icmp6.Icmpv6Type;
import io.anyhome.packet.mh.MobilityHeader;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The {@link HomeLink.Sockets} of one uplink on a real {@link Platform}: a raw socket for whole
 * packets and one for next header 135, both bound to the uplink, an ICMPv6 socket receiving
 * Neighbour Solicitations there, the proxy neighbour entry for the home address on the uplink,
 * a packet socket for TCP super-packets where the platform has one, and a monitor that keeps the
 * uplink's link-layer address and its neighbours ({@link NextHops}). Opened by
 * {@link MobilityComponent}.
 */
final class PlatformHomeLinkSockets implements HomeLink.Sockets {
    private static final Logger LOG = Logger.getLogger(PlatformHomeLinkSockets.class.getName());

    private final Platform platform;
    private final int index;
    private final Inet6Address homeAddress;
    private final RawIpv6Endpoint packets;
    private final RawIpv6Endpoint mobility;
    private final Icmpv6Endpoint neighbours;
    private final Registration monitor;
    /** The uplink's link-layer address, from the monitor's dump and later link events. */
    private final AtomicReference<byte[]> linkLayerAddress;
    /** Super-packets on the uplink, or null where the platform has no packet sockets. */
    private final PacketEndpoint superPackets;
    /** The uplink's neighbours, from the monitor's dump and later neighbour events. */
    private final NextHops nextHops;

    private PlatformHomeLinkSockets(Platform platform, int index, Inet6Address homeAddress, RawIpv6Endpoint packets,
            RawIpv6Endpoint mobility, Icmpv6Endpoint neighbours, Registration monitor,
            AtomicReference<byte[]> linkLayerAddress, PacketEndpoint superPackets, NextHops nextHops) {
        this.platform = platform;
        this.index = index;
        this.homeAddress = homeAddress;
        this.packets = packets;
        this.mobility = mobility;
        this.neighbours = neighbours;
        this.monitor = monitor;
        this.linkLayerAddress = linkLayerAddress;
        this.superPackets = superPackets;
        this.nextHops = nextHops;
    }

    /**
     * @param platform the platform
     * @param uplink the uplink on the home link
     * @param homeAddress the home address
     * @param homePrefix the home prefix (the link's on-link prefix), or null
     * @return the open sockets, the proxy entry added
     * @throws PlatformException if something cannot be opened or added (what was opened is closed)
     */
    static PlatformHomeLinkSockets open(Platform platform, String uplink, Inet6Address homeAddress,
            IpPrefix homePrefix) throws PlatformException {
        int index = platform.interfaceIndex(uplink);
        RawIpv6Endpoint packets = null;
        RawIpv6Endpoint mobility = null;
        Icmpv6Endpoint neighbours = null;
        PacketEndpoint superPackets = null;
        try {
            packets = platform.openRawIpv6(new RawIpv6Options(RawIpv6Options.HEADER_INCLUDED,
                    RawIpv6Options.CHECKSUM_OFF, null, uplink, 0));
            mobility = platform.openRawIpv6(new RawIpv6Options(MobilityHeader.NEXT_HEADER, RawIpv6Options.CHECKSUM_OFF,
                    null, uplink, 0));
            neighbours = platform.openIcmpv6(new Icmpv6Options(Set.of(Icmpv6Type.NEIGHBOR_SOLICITATION.number()), null,
                    uplink, 0));
            platform.addProxyNeighbour(index, homeAddress);
            // kept from the monitor's first dump on: a Neighbour Advertisement without the target
            // link-layer address is ignored by a neighbour resolving the home address (RFC 4861 §7.2.5)
            AtomicReference<byte[]> mac = new AtomicReference<>();
            NextHops nextHops = new NextHops(index, homePrefix);
            superPackets = openSuperPackets(platform, uplink);
            Registration monitor = platform.monitor(new NetworkListener() {
                @Override
                public void link(LinkEvent e) {
                    if (e.index() == index && !e.linkLayerAddress().isEmpty()) {
                        mac.set(HexFormat.ofDelimiter(":").parseHex(e.linkLayerAddress()));
                    }
                }

                @Override
                public void neighbour(NeighbourEvent e) {
                    nextHops.neighbour(e);
                }
            });
            return new PlatformHomeLinkSockets(platform, index, homeAddress, packets, mobility, neighbours, monitor, mac,
                    superPackets, nextHops);
        } catch (PlatformException | RuntimeException e) {
            for (AutoCloseable c : new AutoCloseable[] {packets, mobility, neighbours, superPackets}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // closing what was opened; the first failure is the one reported
                    }
                }
            }
            try {
                platform.removeProxyNeighbour(index, homeAddress);
            } catch (PlatformException ignored) {
                // not added
            }
            throw e;
        }
    }

    /** The packet socket for super-packets, or null (logged) where the platform has none. */
    private static PacketEndpoint openSuperPackets(Platform platform, String uplink) {
        try {
            return platform.openPacket(new PacketOptions(uplink, true));
        } catch (PlatformException e) {
            LOG.info(() -> "home link " + uplink + ": TCP super-packets go out packet by packet (" + e.getMessage() + ")");
            return null;
        }
    }

    @Override
    public PacketEndpoint superPackets() {
        return superPackets;
    }

    @Override
    public byte[] nextHop(ByteBuffer packet, int at) {
        return nextHops.forDestination(packet, at);
    }

    @Override
    public RawIpv6Endpoint packets() {
        return packets;
    }

    @Override
    public RawIpv6Endpoint mobility() {
        return mobility;
    }

    @Override
    public Icmpv6Endpoint neighbours() {
        return neighbours;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public byte[] linkLayerAddress() {
        return linkLayerAddress.get();
    }

    @Override
    public void close() {
        try {
            platform.removeProxyNeighbour(index, homeAddress);
        } catch (PlatformException e) {
            LOG.warning("removing the proxy entry for the home address: " + e.getMessage());
        }
        monitor.close();
        if (superPackets != null) {
            superPackets.close();
        }
        neighbours.close();
        mobility.close();
        packets.close();
    }
}
