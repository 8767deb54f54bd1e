package io.anyhome.packet.describe;

import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv4Header;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.OptionsHeader;
import io.anyhome.packet.ip.UdpHeader;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Packets for the describer's tests: the scapy-built capture packets and packets built here. */
final class TestPackets {
    static final Inet6Address HOME = inet6("2001:db8:1::100");
    static final Inet6Address HOME_AGENT = inet6("2001:db8:1::1");
    static final Inet6Address CARE_OF = inet6("2001:db8:2::100");

    private TestPackets() {
    }

    static Inet6Address inet6(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return AddressFields.of(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestPackets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IP packets of capture/packets.hex: BU with HAO, BA with RH2, IPv4 UDP. */
    static List<ByteBuffer> capturedPackets() {
        return new String(resource("/capture/packets.hex"), StandardCharsets.US_ASCII).lines()
                .map(l -> ByteBuffer.wrap(HexFormat.of().parseHex(l))).toList();
    }

    /**
     * IPv6 from the care-of address to the home agent, a Destination Options header with the
     * Home Address option, and the message with its checksum over the home address (§6.1.1).
     */
    static ByteBuffer withHomeAddress(MobilityMessage message) {
        int mh = MobilityHeader.encodedLength(message);
        OptionsHeader hao = OptionsHeader.withHomeAddress(MobilityHeader.NEXT_HEADER, HOME);
        ByteBuffer p = ByteBuffer.allocate(Ipv6Header.LENGTH + hao.length() + mh);
        Ipv6Header.encode(p, 0, 0, hao.length() + mh, IpProtocol.DESTINATION_OPTIONS.number(), 64,
                CARE_OF.getAddress(), HOME_AGENT.getAddress());
        hao.encode(p);
        MobilityHeader.encode(message, p, HOME, HOME_AGENT);
        return p.flip();
    }

    /** IPv6 from the home address to the home agent carrying the message, no extension header. */
    static ByteBuffer plain(MobilityMessage message) {
        int mh = MobilityHeader.encodedLength(message);
        ByteBuffer p = ByteBuffer.allocate(Ipv6Header.LENGTH + mh);
        Ipv6Header.encode(p, 0, 0, mh, MobilityHeader.NEXT_HEADER, 64, HOME.getAddress(),
                HOME_AGENT.getAddress());
        MobilityHeader.encode(message, p, HOME, HOME_AGENT);
        return p.flip();
    }

    /** IPv4 192.0.2.1 to 198.51.100.2, UDP 4191 to 4191 carrying {@code inner}, checksummed. */
    static ByteBuffer udp4Tunnel(ByteBuffer inner) {
        byte[] data = Arrays.copyOfRange(inner.array(), inner.position(), inner.limit());
        byte[] src = {(byte) 192, 0, 2, 1};
        byte[] dst = {(byte) 198, 51, 100, 2};
        int udpLength = UdpHeader.LENGTH + data.length;
        ByteBuffer p = ByteBuffer.allocate(Ipv4Header.MIN_LENGTH + udpLength);
        Ipv4Header.encode(p, 0, Ipv4Header.MIN_LENGTH + udpLength, 1, 0, 64, 17,
                ByteBuffer.wrap(src).getInt(), ByteBuffer.wrap(dst).getInt(), new byte[0]);
        UdpHeader.encode(p, 4191, 4191, udpLength);
        p.put(data);
        UdpHeader.fillChecksumV4(p, Ipv4Header.MIN_LENGTH, udpLength, src, dst);
        return p.flip();
    }
}
