package io.anyhome.packet.ip;

import static io.anyhome.packet.GoldenVectors.load;
import static io.anyhome.packet.GoldenVectors.referenceChecksum;
import static io.anyhome.packet.GoldenVectors.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class UdpGoldenTest {
    private static final byte[] HOME = address("2001:db8:1::100");
    private static final byte[] CARE_OF = address("2001:db8:3::5");
    private static final byte[] CORRESPONDENT = address("2001:db8:2::1");
    private static final byte[] DATA = {'a', 'n', 'y', 'h', 'o', 'm', 'e', 0, 1};

    private final Ipv6HeaderChain chain = new Ipv6HeaderChain();

    @Test
    void givenAPlainIpv6UdpPacket_whenWalked_thenFieldsAndTheChecksumMatchAnIndependentSum()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp6.hex");

        chain.walk(packet, 0);

        Ipv6Header ip = chain.ipv6();
        assertThat(ip.version()).isEqualTo(6);
        assertThat(ip.payloadLength()).isEqualTo(17);
        assertThat(ip.hopLimit()).isEqualTo(64);
        assertThat(ip.sourceEquals(HOME)).isTrue();
        assertThat(ip.destinationEquals(CORRESPONDENT)).isTrue();
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.UDP.number());
        assertThat(chain.upperLayerOffset()).isEqualTo(40);
        assertThat(chain.extensionHeaderCount()).isZero();
        UdpHeader udp = new UdpHeader().wrap(packet, chain.upperLayerOffset(), ip.end());
        assertThat(udp.sourcePort()).isEqualTo(4191);
        assertThat(udp.destinationPort()).isEqualTo(4191);
        assertThat(udp.length()).isEqualTo(17);
        assertThat(slice(packet, udp.dataOffset(), udp.dataOffset() + udp.dataLength())).isEqualTo(DATA);
        assertThat(udp.checksum()).isEqualTo(expectedChecksum(HOME, CORRESPONDENT, packet, 40));
        assertThat(UdpHeader.isChecksumValid(chain)).isTrue();
    }

    @Test
    void givenTheFieldsOfThePlainPacket_whenEncoded_thenTheGoldenBytesResult() {
        ByteBuffer out = ByteBuffer.allocate(57);
        Ipv6Header.encode(out, 0, 0, 17, 17, 64, HOME, CORRESPONDENT);
        UdpHeader.encode(out, 4191, 4191, 17);
        out.put(DATA);
        UdpHeader.fillChecksumV6(out, 40, 17, HOME, CORRESPONDENT);

        assertThat(out.array()).isEqualTo(load("udp6.hex").array());
    }

    @Test
    void givenAHomeAddressOption_whenWalked_thenThePseudoHeaderSourceIsTheHomeAddress()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp6-hao.hex");

        chain.walk(packet, 0);

        assertThat(chain.ipv6().sourceEquals(CARE_OF)).isTrue();
        assertThat(chain.homeAddressOffset()).isEqualTo(48);
        assertThat(Ipv6Header.addressEquals(packet, chain.pseudoHeaderSourceOffset(), HOME)).isTrue();
        assertThat(chain.upperLayerProtocol()).isEqualTo(17);
        assertThat(chain.upperLayerOffset()).isEqualTo(64);
        int stored = new UdpHeader().wrap(packet, 64, chain.ipv6().end()).checksum();
        assertThat(stored).isEqualTo(expectedChecksum(HOME, CORRESPONDENT, packet, 64));
        assertThat(stored).isNotEqualTo(expectedChecksum(CARE_OF, CORRESPONDENT, packet, 64));
        assertThat(UdpHeader.isChecksumValid(chain)).isTrue();
    }

    @Test
    void givenTheHomeAddressOptionPacket_whenDecodedAndReEncoded_thenBytesAreIdentical()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp6-hao.hex");
        OptionsHeader options = OptionsHeader.decode(packet, 40, packet.limit());

        assertThat(options).isEqualTo(
                OptionsHeader.withHomeAddress(17, AddressFields.of(HOME)));
        ByteBuffer out = ByteBuffer.allocate(packet.limit());
        Ipv6Header.encode(out, 0, 0, 41, 60, 64, CARE_OF, CORRESPONDENT);
        assertThat(options.encode(out)).isEqualTo(24);
        UdpHeader.encode(out, 4191, 4191, 17);
        out.put(DATA);
        UdpHeader.fillChecksumV6(out, 64, 17, HOME, CORRESPONDENT);
        assertThat(out.array()).isEqualTo(packet.array());
    }

    @Test
    void givenATypeTwoRoutingHeader_whenWalked_thenThePseudoHeaderDestinationIsTheHomeAddress()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp6-rh2.hex");

        chain.walk(packet, 0);

        assertThat(chain.ipv6().destinationEquals(CARE_OF)).isTrue();
        assertThat(chain.routingHeaderAddressOffset()).isEqualTo(48);
        assertThat(chain.routingHeaderSegmentsLeft()).isEqualTo(1);
        assertThat(Ipv6Header.addressEquals(packet, chain.pseudoHeaderDestinationOffset(), HOME))
                .isTrue();
        assertThat(new UdpHeader().wrap(packet, 64, chain.ipv6().end()).checksum())
                .isEqualTo(expectedChecksum(CORRESPONDENT, HOME, packet, 64));
        assertThat(UdpHeader.isChecksumValid(chain)).isTrue();
        assertThat(RoutingHeaderType2.decode(packet, 40, packet.limit()))
                .isEqualTo(RoutingHeaderType2.of(17, AddressFields.of(HOME)));
    }

    @Test
    void givenACorruptedPayloadByte_whenChecked_thenTheChecksumIsInvalid()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp6-hao.hex");
        packet.put(packet.limit() - 1, (byte) 2);

        assertThat(UdpHeader.isChecksumValid(chain.walk(packet, 0))).isFalse();
    }

    @Test
    void givenAnIpv4UdpPacket_whenWrapped_thenHeaderAndUdpChecksumsAreValid()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp4.hex");

        Ipv4Header ip = new Ipv4Header().wrap(packet, 0);

        assertThat(ip.headerLength()).isEqualTo(20);
        assertThat(ip.totalLength()).isEqualTo(37);
        assertThat(ip.identification()).isEqualTo(0x1234);
        assertThat(ip.dontFragment()).isTrue();
        assertThat(ip.moreFragments()).isFalse();
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(ip.protocol()).isEqualTo(17);
        assertThat(ip.source()).isEqualTo(0xc0000201);
        assertThat(ip.destination()).isEqualTo(0xc6336402);
        assertThat(ip.headerChecksum()).isEqualTo(referenceChecksum(zeroChecksum(slice(packet, 0, 20), 10)));
        assertThat(ip.isChecksumValid()).isTrue();
        UdpHeader udp = new UdpHeader().wrap(packet, ip.payloadOffset(), ip.end());
        byte[] pseudo = {(byte) 192, 0, 2, 1, (byte) 198, 51, 100, 2, 0, 17, 0, 17};
        assertThat(udp.checksum()).isEqualTo(
                referenceChecksum(pseudo, zeroChecksum(slice(packet, 20, 37), 6)));
        assertThat(UdpHeader.isChecksumValidV4(ip, packet)).isTrue();
    }

    @Test
    void givenTheFieldsOfTheIpv4Packet_whenEncoded_thenTheGoldenBytesResult() {
        ByteBuffer out = ByteBuffer.allocate(37);
        Ipv4Header.encode(out, 0, 37, 0x1234, Ipv4Header.FLAG_DONT_FRAGMENT, 64, 17, 0xc0000201,
                0xc6336402, new byte[0]);
        UdpHeader.encode(out, 4191, 4191, 17);
        out.put(DATA);
        UdpHeader.fillChecksumV4(out, 20, 17, new byte[] {(byte) 192, 0, 2, 1},
                new byte[] {(byte) 198, 51, 100, 2});

        assertThat(out.array()).isEqualTo(load("udp4.hex").array());
    }

    @Test
    void givenATtlChange_whenTheChecksumIsUpdated_thenTheHeaderIsValidAgain()
            throws MalformedPacketException {
        ByteBuffer packet = load("udp4.hex");
        Ipv4Header ip = new Ipv4Header().wrap(packet, 0);
        packet.put(Ipv4Header.OFFSET_TTL, (byte) 63);
        assertThat(ip.isChecksumValid()).isFalse();

        ip.updateChecksum();

        assertThat(ip.isChecksumValid()).isTrue();
        assertThat(ip.ttl()).isEqualTo(63);
    }

    private static int expectedChecksum(byte[] source, byte[] destination, ByteBuffer packet,
            int udpOffset) {
        byte[] udp = zeroChecksum(slice(packet, udpOffset, packet.limit()), 6);
        byte[] pseudo = new byte[8];
        pseudo[2] = (byte) (udp.length >> 8);
        pseudo[3] = (byte) udp.length;
        pseudo[7] = 17;
        return referenceChecksum(source, destination, pseudo, udp);
    }

    private static byte[] zeroChecksum(byte[] bytes, int at) {
        bytes[at] = 0;
        bytes[at + 1] = 0;
        return bytes;
    }

    static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
