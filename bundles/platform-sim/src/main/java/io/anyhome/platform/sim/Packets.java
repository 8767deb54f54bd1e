package io.anyhome.platform.sim;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv4Header;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.ip.UdpHeader;
import io.anyhome.packet.ip.UpperLayerChecksum;
import java.nio.ByteBuffer;

/**
 * Builds and reads the IP packets the emulator carries, with the codecs of {@code packet}. A
 * parsed packet's fields stay valid until the next {@link #parse}.
 */
final class Packets {
    static final int ICMPV6 = IpProtocol.ICMPV6.number();
    static final int UDP = IpProtocol.UDP.number();

    private final Ipv6HeaderChain chain = new Ipv6HeaderChain();
    private final Ipv4Header ipv4 = new Ipv4Header();
    int version;
    byte[] source;
    byte[] destination;
    int hopLimit;
    int protocol;
    int upperOffset;
    int upperLength;

    /**
     * @param packet an IPv6 or IPv4 packet
     * @return true if it could be read; false for a malformed packet (the caller counts a drop)
     */
    boolean parse(byte[] packet) {
        try {
            ByteBuffer b = ByteBuffer.wrap(packet);
            if (packet.length > 0 && (packet[0] & 0xf0) == 0x40) {
                ipv4.wrap(b, 0);
                version = 4;
                source = slice(packet, Ipv4Header.OFFSET_SOURCE, 4);
                destination = slice(packet, Ipv4Header.OFFSET_DESTINATION, 4);
                hopLimit = ipv4.ttl();
                protocol = ipv4.protocol();
                upperOffset = ipv4.payloadOffset();
                upperLength = ipv4.end() - upperOffset;
                return true;
            }
            chain.walk(b, 0);
            version = 6;
            source = slice(packet, Ipv6Header.OFFSET_SOURCE, 16);
            destination = slice(packet, Ipv6Header.OFFSET_DESTINATION, 16);
            hopLimit = packet[Ipv6Header.OFFSET_HOP_LIMIT] & 0xff;
            protocol = chain.upperLayerProtocol();
            upperOffset = chain.upperLayerOffset();
            upperLength = chain.upperLayerLength();
            return true;
        } catch (MalformedPacketException e) {
            return false;
        }
    }

    private static byte[] slice(byte[] p, int at, int n) {
        byte[] out = new byte[n];
        System.arraycopy(p, at, out, 0, n);
        return out;
    }

    /** Decrements the hop limit (TTL) of a packet in place, fixing the IPv4 header checksum. */
    static void decrementHopLimit(byte[] packet) {
        if ((packet[0] & 0xf0) == 0x40) {
            packet[Ipv4Header.OFFSET_TTL]--;
            try {
                new Ipv4Header().wrap(ByteBuffer.wrap(packet), 0).updateChecksum();
            } catch (MalformedPacketException e) {
                throw new AssertionError(e); // the packet was parsed before forwarding
            }
        } else {
            packet[Ipv6Header.OFFSET_HOP_LIMIT]--;
        }
    }

    /** An IP packet around a payload (IPv4 if the addresses have 4 bytes). */
    static byte[] ip(byte[] source, byte[] destination, int protocol, int hopLimit, ByteBuffer payload) {
        int n = payload.remaining();
        if (source.length == 4) {
            ByteBuffer out = ByteBuffer.allocate(Ipv4Header.MIN_LENGTH + n);
            Ipv4Header.encode(out, 0, Ipv4Header.MIN_LENGTH + n, 0, Ipv4Header.FLAG_DONT_FRAGMENT, hopLimit, protocol,
                    ByteBuffer.wrap(source).getInt(), ByteBuffer.wrap(destination).getInt(), new byte[0]);
            out.put(payload);
            return out.array();
        }
        ByteBuffer out = ByteBuffer.allocate(Ipv6Header.LENGTH + n);
        Ipv6Header.encode(out, 0, 0, n, protocol, hopLimit, source, destination);
        out.put(payload);
        return out.array();
    }

    /** A UDP datagram in an IP packet, with its checksum. */
    static byte[] udp(byte[] source, int sourcePort, byte[] destination, int destinationPort, int hopLimit,
            ByteBuffer data) {
        int length = UdpHeader.LENGTH + data.remaining();
        ByteBuffer udp = ByteBuffer.allocate(length);
        UdpHeader.encode(udp, sourcePort, destinationPort, length);
        udp.put(data);
        if (source.length == 4) {
            UdpHeader.fillChecksumV4(udp, 0, length, source, destination);
        } else {
            UdpHeader.fillChecksumV6(udp, 0, length, source, destination);
        }
        return ip(source, destination, UDP, hopLimit, udp.flip());
    }

    /** An ICMPv6 message (from its Type field) in an IPv6 packet, with its checksum. */
    static byte[] icmpv6(byte[] source, byte[] destination, int hopLimit, ByteBuffer message) {
        ByteBuffer m = ByteBuffer.allocate(message.remaining());
        m.put(message).flip();
        m.putShort(2, (short) 0);
        m.putShort(2, (short) UpperLayerChecksum.ipv6(m, 0, m.limit(), source, destination, ICMPV6));
        return ip(source, destination, ICMPV6, hopLimit, m);
    }
}
