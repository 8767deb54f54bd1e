package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv4Header;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.ip.UdpHeader;
import io.anyhome.packet.mh.MobilityHeader;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The IP layers of a description: the IPv6 header with its extension headers, the IPv4 header,
 * UDP (with the port 4191 tunnel of RFC 5555), packets inside packets, and whatever upper layer
 * the codecs do not interpret, as hex. Offsets are absolute; the buffer's limit is the end of
 * the packet being described.
 */
final class IpLayers {
    /** The UDP port of the tunnel framing (RFC 5555 §4.1). */
    static final int TUNNEL_PORT = 4191;
    /** Packets inside packets deeper than this are shown as payload, to bound the recursion. */
    static final int MAX_DEPTH = 8;

    private IpLayers() {
    }

    /** Describes the packet at {@code offset}: {"ipv6": ...} or {"ipv4": ...}. */
    static Map<String, Object> describe(ByteBuffer buffer, int offset, int depth)
            throws MalformedPacketException {
        if (offset >= buffer.limit()) {
            throw MalformedPacketException.at(buffer, Math.min(offset, buffer.limit()),
                    "no IP header: the packet is empty");
        }
        int version = (buffer.get(offset) & 0xf0) >>> 4;
        Map<String, Object> packet = Json.object();
        if (version == 6) {
            packet.put("ipv6", ipv6(buffer, offset, depth));
        } else if (version == 4) {
            packet.put("ipv4", ipv4(buffer, offset, depth));
        } else {
            throw MalformedPacketException.at(buffer, offset,
                    "IP version " + version + " is neither 4 nor 6");
        }
        return packet;
    }

    private static Map<String, Object> ipv6(ByteBuffer buffer, int offset, int depth)
            throws MalformedPacketException {
        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(buffer, offset);
        Ipv6Header h = chain.ipv6();
        Map<String, Object> m = Json.object();
        m.put("version", h.version());
        m.put("trafficClass", h.trafficClass());
        m.put("flowLabel", h.flowLabel());
        m.put("payloadLength", h.payloadLength());
        m.put("nextHeader", h.nextHeader());
        m.put("hopLimit", h.hopLimit());
        m.put("source", AddressText.format(buffer, h.sourceOffset(), 16));
        m.put("destination", AddressText.format(buffer, h.destinationOffset(), 16));
        m.put("extensionHeaders", ExtensionHeaders.describe(chain));
        ByteBuffer packet = buffer.duplicate().limit(h.end());
        int at = chain.upperLayerOffset();
        int protocol = chain.upperLayerProtocol();
        int end = h.end();
        if (chain.isFragment()) {
            m.put("payload", payload(packet, protocol, at, end));
        } else if (protocol == IpProtocol.UDP.number()) {
            UdpHeader udp = new UdpHeader().wrap(packet, at, end);
            m.put("udp", udp(packet, udp, UdpHeader.isChecksumValid(chain), depth));
        } else if (protocol == IpProtocol.ICMPV6.number()) {
            m.put("icmpv6", Icmpv6Layer.describe(chain, packet));
        } else if (protocol == MobilityHeader.NEXT_HEADER) {
            m.put("mobility", MobilityLayer.describe(chain, packet));
        } else {
            upperLayer(m, packet, protocol, at, end, depth);
        }
        trailing(m, buffer, end);
        return m;
    }

    private static Map<String, Object> ipv4(ByteBuffer buffer, int offset, int depth)
            throws MalformedPacketException {
        Ipv4Header h = new Ipv4Header().wrap(buffer, offset);
        Map<String, Object> m = Json.object();
        m.put("version", h.version());
        m.put("headerLength", h.headerLength());
        m.put("typeOfService", h.typeOfService());
        m.put("totalLength", h.totalLength());
        m.put("identification", h.identification());
        m.put("dontFragment", h.dontFragment());
        m.put("moreFragments", h.moreFragments());
        m.put("fragmentOffset", h.fragmentOffset());
        m.put("ttl", h.ttl());
        m.put("protocol", h.protocol());
        m.put("headerChecksum", Json.hex16(h.headerChecksum()));
        m.put("headerChecksumValid", h.isChecksumValid());
        m.put("source", AddressText.format(buffer, h.sourceOffset(), 4));
        m.put("destination", AddressText.format(buffer, h.destinationOffset(), 4));
        m.put("options", Json.hex(buffer, offset + Ipv4Header.MIN_LENGTH,
                h.headerLength() - Ipv4Header.MIN_LENGTH));
        ByteBuffer packet = buffer.duplicate().limit(h.end());
        int at = h.payloadOffset();
        int end = h.end();
        if (h.moreFragments() || h.fragmentOffset() != 0) {
            m.put("payload", payload(packet, h.protocol(), at, end));
        } else if (h.protocol() == IpProtocol.UDP.number()) {
            UdpHeader udp = new UdpHeader().wrap(packet, at, end);
            m.put("udp", udp(packet, udp, UdpHeader.isChecksumValidV4(h, packet), depth));
        } else {
            upperLayer(m, packet, h.protocol(), at, end, depth);
        }
        trailing(m, buffer, end);
        return m;
    }

    /** An encapsulated packet under "inner", or anything else under "payload". */
    private static void upperLayer(Map<String, Object> m, ByteBuffer packet, int protocol, int at,
            int end, int depth) throws MalformedPacketException {
        boolean encapsulated = protocol == IpProtocol.IPV6.number()
                || protocol == IpProtocol.IPV4.number();
        if (encapsulated && depth < MAX_DEPTH && at < end) {
            m.put("inner", describe(packet, at, depth + 1));
        } else {
            m.put("payload", payload(packet, protocol, at, end));
        }
    }

    private static Map<String, Object> udp(ByteBuffer packet, UdpHeader udp, boolean checksumValid,
            int depth) throws MalformedPacketException {
        Map<String, Object> m = Json.object();
        m.put("sourcePort", udp.sourcePort());
        m.put("destinationPort", udp.destinationPort());
        m.put("length", udp.length());
        m.put("checksum", Json.hex16(udp.checksum()));
        m.put("checksumValid", checksumValid);
        int data = udp.dataOffset();
        boolean tunnel = udp.sourcePort() == TUNNEL_PORT || udp.destinationPort() == TUNNEL_PORT;
        if (tunnel && depth < MAX_DEPTH && isWholeIpv6Packet(packet, data, udp.dataLength())) {
            ByteBuffer datagram = packet.duplicate().limit(data + udp.dataLength());
            m.put("inner", describe(datagram, data, depth + 1));
        } else {
            m.put("data", Json.hex(packet, data, udp.dataLength()));
        }
        return m;
    }

    /**
     * Whether the UDP data of the tunnel port is one IPv6 packet (RFC 5555 §4.1): version nibble
     * 6, and the fixed header's Payload Length accounts for exactly the rest of the data. Other
     * data on the port (keepalives, a TLV header, anything else) is shown as hex.
     */
    private static boolean isWholeIpv6Packet(ByteBuffer packet, int data, int length) {
        return length >= Ipv6Header.LENGTH && (packet.get(data) & 0xf0) == 0x60
                && Ipv6Header.LENGTH + (packet.getShort(data + Ipv6Header.OFFSET_PAYLOAD_LENGTH)
                        & 0xffff) == length;
    }

    /** An upper layer shown as bytes: protocol number and name, length, hex data. */
    static Map<String, Object> payload(ByteBuffer packet, int protocol, int at, int end) {
        Map<String, Object> m = Json.object();
        m.put("protocol", protocol);
        m.put("protocolName", Json.camel(IpProtocol.of(protocol)));
        m.put("length", end - at);
        m.put("data", Json.hex(packet, at, end - at));
        return m;
    }

    private static void trailing(Map<String, Object> m, ByteBuffer buffer, int end) {
        if (buffer.limit() > end) {
            m.put("trailingBytes", buffer.limit() - end);
        }
    }
}
