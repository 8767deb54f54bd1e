package io.anyhome.perf.packet;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.OptionsHeader;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingIdentifier;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The packets the benchmarks work on: a signed Binding Update as a mobile node sends it, a home
 * agent's Router Advertisement, and a Binding Update from a care-of address behind its IPv6
 * header and Home Address destination option. Every buffer is direct, like the ones a tun or
 * raw socket read fills.
 */
final class SamplePackets {
    /** The mobile node's home address. */
    static final byte[] HOME_ADDRESS = bytes("2001:db8:1::100");
    /** The home agent. */
    static final byte[] HOME_AGENT = bytes("2001:db8:1::1");
    /** The care-of address on the visited link. */
    static final byte[] CARE_OF_ADDRESS = bytes("2001:db8:2::100");
    /** The home agent's link-local address, source of its Router Advertisements. */
    static final byte[] ROUTER_LINK_LOCAL = bytes("fe80::1");
    /** All-nodes multicast, destination of unsolicited Router Advertisements. */
    static final byte[] ALL_NODES = bytes("ff02::1");

    private static final byte[] MN_HA_KEY = "mn-ha shared key".getBytes(StandardCharsets.US_ASCII);
    private static final int MN_HA_SPI = 256;
    private static final int HMAC_SHA1_96_LENGTH = 12;

    private SamplePackets() {
    }

    /**
     * A Binding Update (A, H, L; 600 s) carrying an Alternate Care-of Address, an NAI, a
     * timestamp, a Binding Identifier with its care-of address, and an RFC 4285 MN-HA
     * authenticator last, as RFC 4285 §5 requires.
     *
     * @return the message, authenticator filled in
     */
    static BindingUpdate bindingUpdate() {
        BindingUpdate unsigned = bindingUpdate(new byte[HMAC_SHA1_96_LENGTH]);
        ByteBuffer buffer = ByteBuffer.allocateDirect(MobilityHeader.encodedLength(unsigned));
        MobilityHeader.encodeWithoutChecksum(unsigned, buffer);
        try {
            MobilityMessageAuthenticator.sign(buffer, 0, inet6(CARE_OF_ADDRESS),
                    inet6(HOME_ADDRESS), MobilityMessageAuthenticator.Algorithm.HMAC_SHA1_96,
                    MN_HA_KEY, inet6(HOME_ADDRESS), inet6(HOME_AGENT));
            return (BindingUpdate) MobilityHeader.decode(buffer, 0);
        } catch (MalformedPacketException e) {
            throw new IllegalStateException("sample Binding Update does not decode", e);
        }
    }

    private static BindingUpdate bindingUpdate(byte[] authenticator) {
        return new BindingUpdate(4711,
                BindingUpdate.FLAG_A | BindingUpdate.FLAG_H | BindingUpdate.FLAG_L, 150,
                List.of(new AlternateCareOfAddress(inet6(CARE_OF_ADDRESS)),
                        MobileNodeIdentifier.nai("mn1@example.org"),
                        new MobilityMessageReplayProtection(0x0123_4567_89ab_cdefL),
                        new BindingIdentifier(1, 0, false, 0,
                                Optional.of(inet6(CARE_OF_ADDRESS))),
                        new MobilityMessageAuthentication(
                                MobilityMessageAuthentication.SUBTYPE_MN_HA, MN_HA_SPI,
                                authenticator)));
    }

    /**
     * Encodes a Mobility Header message with its checksum into a new direct buffer.
     *
     * @param message the message
     * @return the buffer, position 0, limit the header's end
     */
    static ByteBuffer encoded(MobilityMessage message) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MobilityHeader.encodedLength(message));
        MobilityHeader.encode(message, buffer, inet6(HOME_ADDRESS), inet6(HOME_AGENT));
        return buffer.flip();
    }

    /**
     * A home agent's unsolicited Router Advertisement (H flag) with Source Link-Layer Address,
     * Prefix Information, MTU, Advertisement Interval and Home Agent Information options.
     *
     * @return the message
     */
    static RouterAdvertisement routerAdvertisement() {
        return new RouterAdvertisement(64, RouterAdvertisement.FLAG_HOME_AGENT, 1800, 0, 0,
                List.of(NdOption.LinkLayerAddress.source(
                                new byte[] {0x02, 0x00, 0x00, 0x00, 0x00, 0x01}),
                        new NdOption.PrefixInformation(64,
                                NdOption.PrefixInformation.FLAG_ON_LINK
                                        | NdOption.PrefixInformation.FLAG_AUTONOMOUS
                                        | NdOption.PrefixInformation.FLAG_ROUTER_ADDRESS,
                                86_400, 14_400, inet6(HOME_AGENT)),
                        new NdOption.Mtu(1500),
                        new NdOption.AdvertisementInterval(3000),
                        new NdOption.HomeAgentInformation(10, 1800)));
    }

    /**
     * Encodes an ICMPv6 Router Advertisement with its checksum into a new direct buffer.
     *
     * @param message the message
     * @return the buffer, position 0, limit the message's end
     */
    static ByteBuffer encoded(RouterAdvertisement message) {
        ByteBuffer buffer =
                ByteBuffer.allocateDirect(Icmpv6.HEADER_LENGTH + message.bodyLength());
        Icmpv6.encode(buffer, message, ROUTER_LINK_LOCAL, ALL_NODES);
        return buffer.flip();
    }

    /**
     * A Binding Update as it leaves the care-of address: IPv6 header (care-of address to home
     * agent), Destination Options header with the Home Address option, Mobility Header.
     *
     * @return the packet in a new direct buffer, position 0, limit its end
     */
    static ByteBuffer bindingUpdateFromCareOfAddress() {
        BindingUpdate update = new BindingUpdate(4711,
                BindingUpdate.FLAG_A | BindingUpdate.FLAG_H, 150, List.of());
        OptionsHeader destinationOptions =
                OptionsHeader.withHomeAddress(MobilityHeader.NEXT_HEADER, inet6(HOME_ADDRESS));
        int payloadLength = destinationOptions.length() + MobilityHeader.encodedLength(update);
        ByteBuffer packet = ByteBuffer.allocateDirect(Ipv6Header.LENGTH + payloadLength);
        Ipv6Header.encode(packet, 0, 0, payloadLength, IpProtocol.DESTINATION_OPTIONS.number(),
                64, CARE_OF_ADDRESS, HOME_AGENT);
        destinationOptions.encode(packet);
        MobilityHeader.encode(update, packet, inet6(HOME_ADDRESS), inet6(HOME_AGENT));
        return packet.flip();
    }

    static Inet6Address inet6(byte[] address) {
        return AddressFields.of(address);
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
