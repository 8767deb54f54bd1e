package io.anyhome.packet.icmp6;

import static io.anyhome.packet.GoldenVectors.load;
import static io.anyhome.packet.GoldenVectors.referenceChecksum;
import static io.anyhome.packet.GoldenVectors.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighborDiscoveryGoldenTest {
    private static final byte[] ROUTER = HexFormat.of().parseHex("fe800000000000000000000000000001");
    private static final byte[] ALL_NODES = HexFormat.of().parseHex("ff020000000000000000000000000001");
    private static final byte[] HOME_AGENT = HexFormat.of().parseHex("20010db8000100000000000000000001");
    private static final byte[] HOME_ADDRESS = HexFormat.of().parseHex("20010db8000100000000000000000100");

    private static final RouterAdvertisement EVERY_OPTION = new RouterAdvertisement(64,
            RouterAdvertisement.FLAG_MANAGED | RouterAdvertisement.FLAG_OTHER
                    | RouterAdvertisement.FLAG_HOME_AGENT,
            1800, 30000, 1000, List.of(
                    NdOption.LinkLayerAddress.source(HexFormat.of().parseHex("02005e005301")),
                    new NdOption.PrefixInformation(64, NdOption.PrefixInformation.FLAG_ON_LINK
                            | NdOption.PrefixInformation.FLAG_AUTONOMOUS
                            | NdOption.PrefixInformation.FLAG_ROUTER_ADDRESS,
                            86400, 14400, AddressFields.of(HOME_AGENT)),
                    new NdOption.Mtu(1500),
                    new NdOption.AdvertisementInterval(70),
                    new NdOption.HomeAgentInformation(10, 1800)));

    @Test
    void givenAnRaWithEveryOption_whenDecoded_thenEveryFieldIsRead() throws MalformedPacketException {
        ByteBuffer packet = load("ra-all-options.hex");
        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(packet, 0);
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.ICMPV6.number());

        Icmpv6Message message = Icmpv6.decode(packet, chain.upperLayerOffset(), chain.upperLayerLength());

        assertThat(message).isEqualTo(EVERY_OPTION);
        RouterAdvertisement ra = (RouterAdvertisement) message;
        assertThat(ra.managed()).isTrue();
        assertThat(ra.other()).isTrue();
        assertThat(ra.homeAgent()).isTrue();
        assertThat(ra.option(NdOption.PrefixInformation.class)).hasValueSatisfying(p -> {
            assertThat(p.onLink()).isTrue();
            assertThat(p.autonomous()).isTrue();
            assertThat(p.routerAddress()).isTrue();
        });
        assertThat(ra.option(NdOption.AdvertisementInterval.class))
                .contains(new NdOption.AdvertisementInterval(70));
        assertThat(ra.option(NdOption.HomeAgentInformation.class))
                .contains(new NdOption.HomeAgentInformation(10, 1800));
        assertThat(Icmpv6.isChecksumValid(chain)).isTrue();
    }

    @Test
    void givenTheRaChecksum_whenComputedIndependently_thenItMatchesTheStoredValue()
            throws MalformedPacketException {
        ByteBuffer packet = load("ra-all-options.hex");
        byte[] icmp = slice(packet, 40, packet.limit());
        int stored = ((icmp[2] & 0xff) << 8) | (icmp[3] & 0xff);
        icmp[2] = 0;
        icmp[3] = 0;
        byte[] pseudo = {0, 0, 0, (byte) icmp.length, 0, 0, 0, 58};

        assertThat(stored).isEqualTo(referenceChecksum(ROUTER, ALL_NODES, pseudo, icmp));
    }

    @Test
    void givenTheRaRecord_whenEncoded_thenTheGoldenBytesResult() {
        ByteBuffer packet = load("ra-all-options.hex");
        ByteBuffer out = ByteBuffer.allocate(packet.limit() - 40);

        int written = Icmpv6.encode(out, EVERY_OPTION, ROUTER, ALL_NODES);

        assertThat(written).isEqualTo(80);
        assertThat(out.position()).isEqualTo(80);
        assertThat(out.array()).isEqualTo(slice(packet, 40, packet.limit()));
    }

    @Test
    void givenAnUnsolicitedNa_whenDecoded_thenFlagsTargetAndLinkLayerAddressAreRead()
            throws MalformedPacketException {
        ByteBuffer packet = load("na-unsolicited.hex");
        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(packet, 0);

        Icmpv6Message message = Icmpv6.decode(packet, chain.upperLayerOffset(), chain.upperLayerLength());

        NeighborAdvertisement expected = new NeighborAdvertisement(false, false, true,
                AddressFields.of(HOME_ADDRESS),
                List.of(NdOption.LinkLayerAddress.target(HexFormat.of().parseHex("02005e005302"))));
        assertThat(message).isEqualTo(expected);
        assertThat(Icmpv6.isChecksumValid(chain)).isTrue();
        ByteBuffer out = ByteBuffer.allocate(32);
        Icmpv6.encode(out, expected, HexFormat.of().parseHex("20010db8000100000000000000000001"),
                ALL_NODES);
        assertThat(out.array()).isEqualTo(slice(packet, 40, packet.limit()));
    }

    @Test
    void givenAnOptionOfLengthZero_whenDecoded_thenItIsMalformedAtTheLengthField() {
        ByteBuffer packet = load("ra-all-options.hex");
        int mtuOption = 40 + 16 + 8 + 32;
        packet.put(mtuOption + 1, (byte) 0);

        assertThatMalformed(packet, 40, packet.limit() - 40, mtuOption + 1, "Length 0");
    }

    @Test
    void givenAnOptionOverrunningTheMessage_whenDecoded_thenItIsMalformed() {
        ByteBuffer packet = load("ra-all-options.hex");
        int lastOption = packet.limit() - 8;
        packet.put(lastOption + 1, (byte) 2);

        assertThatMalformed(packet, 40, packet.limit() - 40, lastOption + 1, "overruns");
    }

    @Test
    void givenAnUnknownOption_whenDecoded_thenItIsKeptRawAndTheNextOptionIsRead()
            throws MalformedPacketException {
        ByteBuffer packet = load("ra-all-options.hex");
        int mtuOption = 40 + 16 + 8 + 32;
        packet.put(mtuOption, (byte) 200);

        RouterAdvertisement ra = (RouterAdvertisement) Icmpv6.decode(packet, 40, packet.limit() - 40);

        assertThat(ra.options().get(2)).isEqualTo(
                new NdOption.Unknown(200, HexFormat.of().parseHex("0000000005dc")));
        assertThat(ra.options().get(3)).isEqualTo(new NdOption.AdvertisementInterval(70));
    }

    @Test
    void givenAnRaWithCodeOne_whenDecoded_thenTheCodeIsMalformed() {
        ByteBuffer packet = load("ra-all-options.hex");
        packet.put(41, (byte) 1);

        assertThatMalformed(packet, 40, packet.limit() - 40, 41, "Code 1");
    }

    static void assertThatMalformed(ByteBuffer packet, int offset, int length, int at, String reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Icmpv6.decode(packet, offset, length))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(at);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.hexDump()).startsWith("0000  60 00");
                });
    }
}
