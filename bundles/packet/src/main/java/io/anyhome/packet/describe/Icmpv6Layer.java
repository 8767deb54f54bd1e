package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.DestinationUnreachable;
import io.anyhome.packet.icmp6.Echo;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Message;
import io.anyhome.packet.icmp6.Icmpv6Type;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.NdOptionType;
import io.anyhome.packet.icmp6.NeighborAdvertisement;
import io.anyhome.packet.icmp6.NeighborSolicitation;
import io.anyhome.packet.icmp6.PacketTooBig;
import io.anyhome.packet.icmp6.ParameterProblem;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import io.anyhome.packet.icmp6.RouterSolicitation;
import io.anyhome.packet.icmp6.UnknownIcmpv6Message;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ICMPv6 layer of a description: every message {@link Icmpv6} decodes, with its Neighbor
 * Discovery options, and any other message as type code and hex body.
 */
final class Icmpv6Layer {
    private Icmpv6Layer() {
    }

    static Map<String, Object> describe(Ipv6HeaderChain chain, ByteBuffer packet)
            throws MalformedPacketException {
        int at = chain.upperLayerOffset();
        Icmpv6Message message = Icmpv6.decode(packet, at, chain.upperLayerLength());
        Map<String, Object> m = Json.object();
        m.put("type", Json.camel(Icmpv6Type.of(message.type())));
        m.put("typeCode", message.type());
        m.put("code", message.code());
        m.put("checksum", Json.hex16(packet.getShort(at + Icmpv6.OFFSET_CHECKSUM)));
        m.put("checksumValid", Icmpv6.isChecksumValid(chain));
        if (message instanceof RouterSolicitation rs) {
            m.put("options", options(rs.options()));
        } else if (message instanceof RouterAdvertisement ra) {
            m.put("curHopLimit", ra.curHopLimit());
            m.put("flags", Json.flags(ra.flags(), 8, "M", "O", "H"));
            m.put("routerLifetimeSeconds", ra.routerLifetime());
            m.put("reachableTimeMs", ra.reachableTime());
            m.put("retransTimerMs", ra.retransTimer());
            m.put("options", options(ra.options()));
        } else if (message instanceof NeighborSolicitation ns) {
            m.put("target", AddressText.format(ns.target()));
            m.put("options", options(ns.options()));
        } else if (message instanceof NeighborAdvertisement na) {
            m.put("flags", Json.flags((na.router() ? 0x80 : 0) | (na.solicited() ? 0x40 : 0)
                    | (na.override() ? 0x20 : 0), 8, "R", "S", "O"));
            m.put("target", AddressText.format(na.target()));
            m.put("options", options(na.options()));
        } else if (message instanceof DestinationUnreachable du) {
            m.put("invokingPacket", Json.hex(du.invokingPacket()));
        } else if (message instanceof PacketTooBig ptb) {
            m.put("mtu", ptb.mtu());
            m.put("invokingPacket", Json.hex(ptb.invokingPacket()));
        } else if (message instanceof ParameterProblem pp) {
            m.put("pointer", pp.pointer());
            m.put("invokingPacket", Json.hex(pp.invokingPacket()));
        } else if (message instanceof Echo echo) {
            m.put("identifier", echo.identifier());
            m.put("sequence", echo.sequenceNumber());
            m.put("data", Json.hex(echo.data()));
        } else if (message instanceof UnknownIcmpv6Message unknown) {
            m.put("body", Json.hex(unknown.body()));
        }
        return m;
    }

    private static List<Object> options(List<NdOption> options) {
        List<Object> list = new ArrayList<>();
        for (NdOption o : options) {
            Map<String, Object> m = Json.object();
            m.put("type", Json.camel(NdOptionType.of(o.type())));
            m.put("typeCode", o.type());
            if (o instanceof NdOption.LinkLayerAddress lla) {
                m.put("address", linkLayer(lla.address()));
            } else if (o instanceof NdOption.PrefixInformation pi) {
                m.put("prefixLength", pi.prefixLength());
                m.put("flags", Json.flags(pi.flags(), 8, "L", "A", "R"));
                m.put("validLifetimeSeconds", pi.validLifetime());
                m.put("preferredLifetimeSeconds", pi.preferredLifetime());
                m.put("prefix", AddressText.format(pi.prefix()));
            } else if (o instanceof NdOption.Mtu mtu) {
                m.put("mtu", mtu.mtu());
            } else if (o instanceof NdOption.AdvertisementInterval ai) {
                m.put("intervalMs", ai.intervalMillis());
            } else if (o instanceof NdOption.HomeAgentInformation hai) {
                m.put("preference", hai.preference());
                m.put("lifetimeSeconds", hai.lifetimeSeconds());
            } else if (o instanceof NdOption.Unknown u) {
                m.put("data", Json.hex(u.data()));
            }
            list.add(m);
        }
        return list;
    }

    /** A link-layer address as colon-separated hex bytes, 02:00:5e:00:53:01. */
    private static String linkLayer(byte[] address) {
        StringBuilder sb = new StringBuilder(address.length * 3);
        for (byte b : address) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
