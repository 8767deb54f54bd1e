package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.FragmentHeader;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.ip.Ipv6Option;
import io.anyhome.packet.ip.OptionsHeader;
import io.anyhome.packet.ip.RoutingHeaderType2;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IPv6 extension headers a header chain walk passed, in order, each as an object whose
 * {@code "header"} names it: hopByHop, destinationOptions, routing, fragment, authentication.
 */
final class ExtensionHeaders {
    private static final int AH_SPI = 4;
    private static final int AH_SEQUENCE = 8;
    private static final int AH_ICV = 12;

    private ExtensionHeaders() {
    }

    /** The headers between the IPv6 header and the upper layer {@code chain} found. */
    static List<Object> describe(Ipv6HeaderChain chain) throws MalformedPacketException {
        ByteBuffer buffer = chain.buffer();
        Ipv6Header ipv6 = chain.ipv6();
        int end = ipv6.end();
        int next = ipv6.nextHeader();
        int p = ipv6.offset() + Ipv6Header.LENGTH;
        List<Object> headers = new ArrayList<>();
        for (int i = 0; i < chain.extensionHeaderCount(); i++) {
            Map<String, Object> m = Json.object();
            int length;
            if (next == IpProtocol.HOP_BY_HOP.number()
                    || next == IpProtocol.DESTINATION_OPTIONS.number()) {
                OptionsHeader h = OptionsHeader.decode(buffer, p, end);
                length = h.length();
                header(m, next == IpProtocol.HOP_BY_HOP.number() ? "hopByHop" : "destinationOptions",
                        h.nextHeader(), length);
                m.put("options", options(h.options()));
            } else if (next == IpProtocol.ROUTING.number()) {
                length = routing(m, buffer, p, end);
            } else if (next == IpProtocol.FRAGMENT.number()) {
                FragmentHeader h = FragmentHeader.decode(buffer, p, end);
                length = FragmentHeader.LENGTH;
                header(m, "fragment", h.nextHeader(), length);
                m.put("fragmentOffset", h.fragmentOffset());
                m.put("moreFragments", h.moreFragments());
                m.put("identification", Json.unsigned(h.identification()));
            } else {
                length = 4 * ((buffer.get(p + 1) & 0xff) + 2);
                header(m, "authentication", buffer.get(p) & 0xff, length);
                m.put("spi", Json.unsigned(buffer.getInt(p + AH_SPI)));
                m.put("sequence", Json.unsigned(buffer.getInt(p + AH_SEQUENCE)));
                m.put("icv", Json.hex(buffer, p + AH_ICV, Math.max(0, length - AH_ICV)));
            }
            headers.add(m);
            next = buffer.get(p) & 0xff;
            p += length;
        }
        return headers;
    }

    private static void header(Map<String, Object> m, String name, int nextHeader, int length) {
        m.put("header", name);
        m.put("nextHeader", nextHeader);
        m.put("length", length);
    }

    private static int routing(Map<String, Object> m, ByteBuffer buffer, int p, int end)
            throws MalformedPacketException {
        int routingType = buffer.get(p + RoutingHeaderType2.OFFSET_ROUTING_TYPE) & 0xff;
        if (routingType == RoutingHeaderType2.ROUTING_TYPE) {
            RoutingHeaderType2 h = RoutingHeaderType2.decode(buffer, p, end);
            header(m, "routing", h.nextHeader(), RoutingHeaderType2.LENGTH);
            m.put("routingType", routingType);
            m.put("segmentsLeft", h.segmentsLeft());
            m.put("homeAddress", AddressText.format(h.homeAddress()));
            return RoutingHeaderType2.LENGTH;
        }
        int length = 8 * ((buffer.get(p + 1) & 0xff) + 1);
        header(m, "routing", buffer.get(p) & 0xff, length);
        m.put("routingType", routingType);
        m.put("segmentsLeft", buffer.get(p + RoutingHeaderType2.OFFSET_SEGMENTS_LEFT) & 0xff);
        m.put("data", Json.hex(buffer, p + 4, length - 4));
        return length;
    }

    private static List<Object> options(List<Ipv6Option> options) {
        List<Object> list = new ArrayList<>();
        for (Ipv6Option o : options) {
            Map<String, Object> m = Json.object();
            if (o instanceof Ipv6Option.Pad1) {
                m.put("type", "pad1");
                m.put("typeCode", o.type());
            } else if (o instanceof Ipv6Option.PadN pad) {
                m.put("type", "padN");
                m.put("typeCode", o.type());
                m.put("dataLength", pad.dataLength());
            } else if (o instanceof Ipv6Option.HomeAddress hao) {
                m.put("type", "homeAddress");
                m.put("typeCode", o.type());
                m.put("homeAddress", AddressText.format(hao.homeAddress()));
            } else if (o instanceof Ipv6Option.Unknown u) {
                m.put("type", "unknown");
                m.put("typeCode", o.type());
                m.put("data", Json.hex(u.data()));
            }
            list.add(m);
        }
        return list;
    }
}
