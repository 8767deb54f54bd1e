package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds what a mobile node sends (signed Binding Updates, Heartbeats, data) as inner IPv6
 * packets with the packet codecs, and decodes what the home agent answers.
 */
final class MobileNodeMessages {
    static final Inet6Address HA = v6("2001:db8:1::1");
    static final Inet6Address HOA = v6("2001:db8:1::10");
    static final Inet6Address HOA_SHA1 = v6("2001:db8:1::11");
    static final Inet6Address HOA_OUTSIDE = v6("2001:db8:2::10");
    static final Inet6Address COA = v6("2001:db8:a::2");
    static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff0011223344556677");
    static final byte[] KEY_SHA1 = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");

    private MobileNodeMessages() {
    }

    static Inet6Address v6(String text) {
        return (Inet6Address) AddressText.parse(text);
    }

    static NodeKey key() {
        return new NodeKey("mn1.key", HOA, "mn1@example.com", 256, Algorithm.HMAC_SHA256_128, KEY);
    }

    static NodeKey sha1Key() {
        return new NodeKey("mn2.key", HOA_SHA1, null, 300, Algorithm.HMAC_SHA1_96, KEY_SHA1);
    }

    static NodeKey outsideKey() {
        return new NodeKey("mn3.key", HOA_OUTSIDE, null, 256, Algorithm.HMAC_SHA256_128, KEY);
    }

    /** A Binding Update as the contract describes it, built and signed step by step. */
    static final class Bu {
        Inet6Address home = HOA;
        Inet6Address destination = HA;
        Inet6Address careOf = COA;
        java.net.Inet4Address ipv4CareOf;
        int sequence = 1;
        int flags = BindingUpdate.FLAG_A | BindingUpdate.FLAG_H | BindingUpdate.FLAG_F;
        int lifetimeUnits = 150;
        String nai = "mn1@example.com";
        long timestamp;
        boolean withReplay = true;
        boolean withAuthentication = true;
        long spi = 256;
        Algorithm algorithm = Algorithm.HMAC_SHA256_128;
        byte[] key = KEY;

        Bu(long nowMillis) {
            timestamp = NtpTime.fromEpochMillis(nowMillis);
        }

        Bu sha1() {
            home = HOA_SHA1;
            spi = 300;
            algorithm = Algorithm.HMAC_SHA1_96;
            key = KEY_SHA1;
            nai = null;
            return this;
        }

        /** The care-of address the authenticator covers: an IPv4 one in its IPv4-mapped form. */
        Inet6Address authenticatedCareOf() {
            if (ipv4CareOf != null) {
                byte[] m = new byte[16];
                m[10] = (byte) 0xff;
                m[11] = (byte) 0xff;
                System.arraycopy(ipv4CareOf.getAddress(), 0, m, 12, 4);
                return AddressFields.of(m);
            }
            return careOf == null ? home : careOf;
        }

        ByteBuffer encode() {
            List<MobilityOption> options = new ArrayList<>();
            if (ipv4CareOf != null) {
                options.add(new io.anyhome.packet.mh.Ipv4CareOfAddress(ipv4CareOf));
            } else if (careOf != null) {
                options.add(new AlternateCareOfAddress(careOf));
            }
            if (nai != null) {
                options.add(MobileNodeIdentifier.nai(nai));
            }
            if (withReplay) {
                options.add(new MobilityMessageReplayProtection(timestamp));
            }
            if (withAuthentication) {
                options.add(new MobilityMessageAuthentication(MobilityMessageAuthentication.SUBTYPE_MN_HA, spi,
                        new byte[algorithm.length()]));
            }
            BindingUpdate bu = new BindingUpdate(sequence, flags, lifetimeUnits, options);
            ByteBuffer b = ByteBuffer.allocate(2048);
            b.position(Ipv6Header.LENGTH);
            int length = MobilityHeader.encodeWithoutChecksum(bu, b);
            try {
                if (withAuthentication) {
                    MobilityMessageAuthenticator.sign(b, Ipv6Header.LENGTH, authenticatedCareOf(), home,
                            algorithm, key, home, destination);
                } else {
                    MobilityHeader.writeChecksum(b, Ipv6Header.LENGTH, home, destination);
                }
            } catch (MalformedPacketException e) {
                throw new AssertionError(e);
            }
            return inner(b, home, destination, MobilityHeader.NEXT_HEADER, length);
        }
    }

    static ByteBuffer heartbeat(Inet6Address home, long sequence) {
        return mobility(home, HA, Heartbeat.request(sequence));
    }

    static ByteBuffer mobility(Inet6Address source, Inet6Address destination, MobilityMessage message) {
        ByteBuffer b = ByteBuffer.allocate(2048);
        b.position(Ipv6Header.LENGTH);
        int length = MobilityHeader.encode(message, b, source, destination);
        return inner(b, source, destination, MobilityHeader.NEXT_HEADER, length);
    }

    /** A UDP datagram (next header 17) with {@code payload} bytes of zeros, checksum unset. */
    static ByteBuffer data(Inet6Address source, Inet6Address destination, int payload) {
        ByteBuffer b = ByteBuffer.allocate(Ipv6Header.LENGTH + 8 + payload);
        b.position(Ipv6Header.LENGTH);
        b.putShort((short) 5000).putShort((short) 5001).putShort((short) (8 + payload)).putShort((short) 0);
        return inner(b, source, destination, 17, 8 + payload);
    }

    private static ByteBuffer inner(ByteBuffer b, Inet6Address source, Inet6Address destination, int nextHeader,
            int payloadLength) {
        b.position(0);
        Ipv6Header.encode(b, 0, 0, payloadLength, nextHeader, 64, source.getAddress(), destination.getAddress());
        b.position(0).limit(Ipv6Header.LENGTH + payloadLength);
        return b;
    }

    /** The Mobility Header message of an answer, after checking its inner header and checksum. */
    static MobilityMessage decode(ByteBuffer answer, Inet6Address expectedDestination) throws Exception {
        Ipv6Header ip = new Ipv6Header().wrap(answer, answer.position());
        if (ip.nextHeader() != MobilityHeader.NEXT_HEADER || ip.hopLimit() != 64
                || !AddressFields.read(answer, ip.sourceOffset()).equals(HA)
                || !AddressFields.read(answer, ip.destinationOffset()).equals(expectedDestination)) {
            throw new AssertionError("not an answer from the home agent to " + expectedDestination);
        }
        int mh = answer.position() + Ipv6Header.LENGTH;
        if (!MobilityHeader.checksumValid(answer, mh, HA, expectedDestination)) {
            throw new AssertionError("bad Mobility Header checksum");
        }
        return MobilityHeader.decode(answer, mh);
    }

    /** Whether the acknowledgement's authenticator verifies with the node's key. */
    static boolean verifies(ByteBuffer answer, Inet6Address careOf, Inet6Address home, Algorithm algorithm,
            byte[] key) throws Exception {
        return MobilityMessageAuthenticator.verify(answer, answer.position() + Ipv6Header.LENGTH, careOf, home,
                algorithm, key);
    }

    static <T extends MobilityOption> T option(BindingAcknowledgement ba, Class<T> type) {
        return ba.options().stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
