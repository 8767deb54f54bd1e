package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import static io.anyhome.packet.describe.TestPackets.CARE_OF;
import static io.anyhome.packet.describe.TestPackets.HOME;
import static io.anyhome.packet.describe.TestPackets.HOME_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.GoldenVectors;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingIdentifier;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.RawMobilityMessage;
import io.anyhome.packet.mh.UnknownMobilityOption;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacketDescriberTest {
    /** A BU from our encoder with Alternate CoA, Binding Identifier, MN-ID and MN-HA auth. */
    static BindingUpdate richBindingUpdate() {
        byte[] authenticator = new byte[12];
        for (int i = 0; i < authenticator.length; i++) {
            authenticator[i] = (byte) (0xa0 + i);
        }
        return new BindingUpdate(8, BindingUpdate.FLAG_A | BindingUpdate.FLAG_H
                | BindingUpdate.FLAG_K, 15, List.of(
                        new AlternateCareOfAddress(CARE_OF),
                        new BindingIdentifier(2, 0, true, 5, Optional.of(CARE_OF)),
                        MobileNodeIdentifier.nai("mn1@example.com"),
                        new MobilityMessageAuthentication(
                                MobilityMessageAuthentication.SUBTYPE_MN_HA, 256, authenticator)));
    }

    /** The value at a path of map keys (String) and list indices (Integer). */
    static Object at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            if (step instanceof String key) {
                assertThat(node).as("object at " + key).isInstanceOf(Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) node;
                assertThat(map).as("keys").containsKey(key);
                node = map.get(key);
            } else {
                assertThat(node).as("list at " + step).isInstanceOf(List.class);
                node = ((List<?>) node).get((Integer) step);
            }
        }
        return node;
    }

    static String golden(String name) {
        return new String(TestPackets.resource("/golden/describe/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void givenTheScapyBindingUpdateWithHomeAddressOption_whenDescribed_thenEveryFieldIsShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(TestPackets.capturedPackets().get(0));

        assertThat(at(tree, "ipv6", "source")).isEqualTo("2001:db8:2::100");
        assertThat(at(tree, "ipv6", "destination")).isEqualTo("2001:db8:1::1");
        assertThat(at(tree, "ipv6", "nextHeader")).isEqualTo(60);
        assertThat(at(tree, "ipv6", "extensionHeaders", 0, "header")).isEqualTo("destinationOptions");
        assertThat(at(tree, "ipv6", "extensionHeaders", 0, "options", 1, "type"))
                .isEqualTo("homeAddress");
        assertThat(at(tree, "ipv6", "extensionHeaders", 0, "options", 1, "homeAddress"))
                .isEqualTo("2001:db8:1::100");
        Object bu = at(tree, "ipv6", "mobility");
        assertThat(at(bu, "type")).isEqualTo("BU");
        assertThat(at(bu, "typeCode")).isEqualTo(5);
        assertThat(at(bu, "sequence")).isEqualTo(7);
        assertThat(at(bu, "flags")).isEqualTo(List.of("A", "H"));
        assertThat(at(bu, "lifetimeUnits")).isEqualTo(105);
        assertThat(at(bu, "lifetimeSeconds")).isEqualTo(420L);
        assertThat(at(bu, "checksum")).isEqualTo("0xa17f");
        assertThat(at(bu, "checksumValid")).isEqualTo(true);
        assertThat(JsonText.print(tree)).isEqualTo(golden("bu-hao.json"));
    }

    @Test
    void givenTheScapyBindingAcknowledgementWithRoutingHeader_whenDescribed_thenEveryFieldIsShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(TestPackets.capturedPackets().get(1));

        Object rh = at(tree, "ipv6", "extensionHeaders", 0);
        assertThat(at(rh, "header")).isEqualTo("routing");
        assertThat(at(rh, "routingType")).isEqualTo(2);
        assertThat(at(rh, "segmentsLeft")).isEqualTo(1);
        assertThat(at(rh, "homeAddress")).isEqualTo("2001:db8:1::100");
        Object ba = at(tree, "ipv6", "mobility");
        assertThat(at(ba, "type")).isEqualTo("BA");
        assertThat(at(ba, "status")).isEqualTo(0);
        assertThat(at(ba, "accepted")).isEqualTo(true);
        assertThat(at(ba, "sequence")).isEqualTo(7);
        assertThat(at(ba, "lifetimeSeconds")).isEqualTo(420L);
        assertThat(at(ba, "checksumValid")).isEqualTo(true);
        assertThat(JsonText.print(tree)).isEqualTo(golden("ba-rh2.json"));
    }

    @Test
    void givenTheScapyIpv4UdpPacket_whenDescribed_thenHeaderAndDatagramAreShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(TestPackets.capturedPackets().get(2));

        assertThat(at(tree, "ipv4", "source")).isEqualTo("192.0.2.1");
        assertThat(at(tree, "ipv4", "headerChecksumValid")).isEqualTo(true);
        assertThat(at(tree, "ipv4", "udp", "destinationPort")).isEqualTo(4191);
        assertThat(at(tree, "ipv4", "udp", "checksumValid")).isEqualTo(true);
        assertThat(at(tree, "ipv4", "udp", "data")).isEqualTo("78787878");
        assertThat(JsonText.print(tree)).isEqualTo(golden("udp4.json"));
    }

    @Test
    void givenABindingUpdateWithOptionsFromOurEncoder_whenDescribed_thenEachOptionIsShown()
            throws MalformedPacketException {
        Map<String, Object> tree =
                PacketDescriber.describe(TestPackets.withHomeAddress(richBindingUpdate()));

        Object options = at(tree, "ipv6", "mobility", "options");
        assertThat(at(tree, "ipv6", "mobility", "flags")).isEqualTo(List.of("A", "H", "K"));
        assertThat(at(tree, "ipv6", "mobility", "checksumValid")).isEqualTo(true);
        assertThat(at(options, 0, "type")).isEqualTo("alternateCareOfAddress");
        assertThat(at(options, 0, "address")).isEqualTo("2001:db8:2::100");
        assertThat(at(options, 1, "type")).isEqualTo("bindingIdentifier");
        assertThat(at(options, 1, "bid")).isEqualTo(2);
        assertThat(at(options, 1, "simultaneousHomeAndForeign")).isEqualTo(true);
        assertThat(at(options, 1, "priority")).isEqualTo(5);
        assertThat(at(options, 1, "careOfAddress")).isEqualTo("2001:db8:2::100");
        assertThat(at(options, 2, "nai")).isEqualTo("mn1@example.com");
        assertThat(at(options, 3, "type")).isEqualTo("mobilityMessageAuthentication");
        assertThat(at(options, 3, "spi")).isEqualTo(256L);
        assertThat(at(options, 3, "authenticator")).isEqualTo("a0a1a2a3a4a5a6a7a8a9aaab");
        assertThat((List<?>) options).hasSize(4);
        assertThat(JsonText.print(tree)).isEqualTo(golden("bu-options.json"));
    }

    @Test
    void givenUdpPort4191CarryingIpv6_whenDescribed_thenTheInnerBindingUpdateIsNested()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(
                TestPackets.udp4Tunnel(TestPackets.plain(richBindingUpdate())));

        assertThat(at(tree, "ipv4", "udp", "checksumValid")).isEqualTo(true);
        assertThat(((Map<?, ?>) at(tree, "ipv4", "udp")).containsKey("data")).isFalse();
        Object inner = at(tree, "ipv4", "udp", "inner", "ipv6");
        assertThat(at(inner, "source")).isEqualTo("2001:db8:1::100");
        assertThat(at(inner, "mobility", "type")).isEqualTo("BU");
        assertThat(at(inner, "mobility", "sequence")).isEqualTo(8);
        assertThat(at(inner, "mobility", "checksumValid")).isEqualTo(true);
        assertThat(JsonText.print(tree)).isEqualTo(golden("udp4-tunnel-bu.json"));
    }

    @Test
    void givenAMalformedPacketInsideTheTunnel_whenDescribed_thenTheOffsetCountsFromTheOuterHeader() {
        ByteBuffer tunnelled = TestPackets.udp4Tunnel(TestPackets.plain(richBindingUpdate()));
        int innerMh = 20 + 8 + 40;
        tunnelled.put(innerMh, (byte) 17);

        assertThatThrownBy(() -> PacketDescriber.describe(tunnelled))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(innerMh);
                    assertThat(e.reason()).contains("Payload Proto 17");
                });
    }

    @Test
    void givenOtherDataOnTheTunnelPort_whenDescribed_thenItIsShownAsHex()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(GoldenVectors.load("udp6.hex"));

        assertThat(at(tree, "ipv6", "udp", "destinationPort")).isEqualTo(4191);
        assertThat(at(tree, "ipv6", "udp", "data")).isEqualTo("616e79686f6d650001");
        assertThat(at(tree, "ipv6", "udp", "checksumValid")).isEqualTo(true);
    }

    @Test
    void givenTheMhChecksumComputedOverTheCareOfAddress_whenDescribed_thenItIsReportedInvalid()
            throws MalformedPacketException {
        ByteBuffer p = TestPackets.withHomeAddress(richBindingUpdate());
        MobilityHeader.writeChecksum(p, Ipv6Header.LENGTH + 24, CARE_OF, HOME_AGENT);

        Map<String, Object> tree = PacketDescriber.describe(p);

        assertThat(at(tree, "ipv6", "mobility", "checksumValid")).isEqualTo(false);
    }

    @Test
    void givenACorruptedUdpChecksum_whenDescribed_thenItIsReportedInvalid()
            throws MalformedPacketException {
        ByteBuffer p = GoldenVectors.load("udp6-hao.hex");
        p.put(p.limit() - 1, (byte) 0x02);

        Map<String, Object> tree = PacketDescriber.describe(p);

        assertThat(at(tree, "ipv6", "udp", "checksumValid")).isEqualTo(false);
        assertThat(at(tree, "ipv6", "udp", "data")).isEqualTo("616e79686f6d650002");
    }

    @Test
    void givenUdpOverIpv6WithTypeTwoRoutingHeader_whenDescribed_thenTheChecksumUsesTheHomeAddress()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(GoldenVectors.load("udp6-rh2.hex"));

        assertThat(at(tree, "ipv6", "udp", "checksum")).isEqualTo("0xd253");
        assertThat(at(tree, "ipv6", "udp", "checksumValid")).isEqualTo(true);
    }

    @Test
    void givenAnUnknownMhTypeAndUnknownOptions_whenDescribed_thenTypeCodeAndHexDataAreShown()
            throws MalformedPacketException {
        Map<String, Object> raw = PacketDescriber.describe(
                TestPackets.plain(new RawMobilityMessage(12, new byte[] {0, 1, 0, 0, 0, 9, 0, 0, 0, 0})));
        Map<String, Object> heartbeat = PacketDescriber.describe(
                TestPackets.plain(new io.anyhome.packet.mh.Heartbeat(false, true, 9, List.of())));
        Map<String, Object> unknownOption = PacketDescriber.describe(TestPackets.plain(
                new BindingUpdate(1, 0, 0, List.of(new UnknownMobilityOption(42, new byte[] {1, 2})))));

        assertThat(at(raw, "ipv6", "mobility", "type")).isEqualTo("other");
        assertThat(at(raw, "ipv6", "mobility", "typeCode")).isEqualTo(12);
        assertThat(at(raw, "ipv6", "mobility", "typeName")).isEqualTo("Home Agent Switch");
        assertThat(at(heartbeat, "ipv6", "mobility", "type")).isEqualTo("HB");
        assertThat(at(heartbeat, "ipv6", "mobility", "typeName")).isEqualTo("Heartbeat");
        assertThat(at(heartbeat, "ipv6", "mobility", "flags")).isEqualTo(List.of("R"));
        assertThat(at(heartbeat, "ipv6", "mobility", "sequence")).isEqualTo(9L);
        assertThat(at(raw, "ipv6", "mobility", "data")).isEqualTo("00010000000900000000");
        assertThat(at(unknownOption, "ipv6", "mobility", "options", 0))
                .isEqualTo(Map.of("type", "unknown", "typeCode", 42, "data", "0102"));
        assertThat(at(unknownOption, "ipv6", "mobility", "flags")).isEqualTo(List.of());
    }

    @Test
    void givenReservedBitsSet_whenDescribed_thenTheyAreListedAsHexNotDropped()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(
                TestPackets.plain(new BindingUpdate(1, 0x8001, 0, List.of())));

        assertThat(at(tree, "ipv6", "mobility", "flags")).isEqualTo(List.of("A", "0x0001"));
    }

    @Test
    void givenARouterAdvertisementWithAllOptions_whenDescribed_thenFlagsTimesAndOptionsAreShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(GoldenVectors.load("ra-all-options.hex"));

        Object ra = at(tree, "ipv6", "icmpv6");
        assertThat(at(ra, "type")).isEqualTo("routerAdvertisement");
        assertThat(at(ra, "typeCode")).isEqualTo(134);
        assertThat(at(ra, "checksumValid")).isEqualTo(true);
        assertThat(at(ra, "flags")).isEqualTo(List.of("M", "O", "H"));
        assertThat(at(ra, "routerLifetimeSeconds")).isEqualTo(1800);
        assertThat(at(ra, "reachableTimeMs")).isEqualTo(30000L);
        assertThat(at(ra, "options", 0, "address")).isEqualTo("02:00:5e:00:53:01");
        assertThat(at(ra, "options", 1, "type")).isEqualTo("prefixInformation");
        assertThat(at(ra, "options", 1, "flags")).isEqualTo(List.of("L", "A", "R"));
        assertThat(at(ra, "options", 1, "prefix")).isEqualTo("2001:db8:1::1");
        assertThat(at(ra, "options", 1, "validLifetimeSeconds")).isEqualTo(86400L);
        assertThat(at(ra, "options", 2, "mtu")).isEqualTo(1500L);
        assertThat(at(ra, "options", 3, "intervalMs")).isEqualTo(70L);
        assertThat(at(ra, "options", 4, "type")).isEqualTo("homeAgentInformation");
        assertThat(at(ra, "options", 4, "preference")).isEqualTo(10);
        assertThat(at(ra, "options", 4, "lifetimeSeconds")).isEqualTo(1800);
    }

    @Test
    void givenAnUnsolicitedNeighborAdvertisement_whenDescribed_thenTargetAndOverrideFlagAreShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(GoldenVectors.load("na-unsolicited.hex"));

        Object na = at(tree, "ipv6", "icmpv6");
        assertThat(at(na, "type")).isEqualTo("neighborAdvertisement");
        assertThat(at(na, "flags")).isEqualTo(List.of("O"));
        assertThat(at(na, "target")).isEqualTo("2001:db8:1::100");
        assertThat(at(na, "options", 0, "type")).isEqualTo("targetLinkLayerAddress");
        assertThat(at(na, "checksumValid")).isEqualTo(true);
    }

    @Test
    void givenAPacketAfterOtherBytes_whenDescribed_thenOffsetsCountFromTheBuffersPosition() {
        ByteBuffer p = TestPackets.withHomeAddress(richBindingUpdate());
        ByteBuffer shifted = ByteBuffer.allocate(p.limit() + 3);
        shifted.position(3);
        shifted.put(p.duplicate());
        shifted.position(3);
        shifted.put(3 + 40 + 24 + 1, (byte) 40);

        assertThatThrownBy(() -> PacketDescriber.describe(shifted))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(40 + 24 + 1);
                    assertThat(e.reason()).contains("Header Len 40");
                });
        assertThat(shifted.position()).isEqualTo(3);
    }

    @Test
    void givenATruncatedBindingUpdate_whenDescribed_thenTheOffsetOfThePayloadLengthIsReported() {
        ByteBuffer p = TestPackets.capturedPackets().get(0);
        p.limit(p.limit() - 8);

        assertThatThrownBy(() -> PacketDescriber.describe(p))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(Ipv6Header.OFFSET_PAYLOAD_LENGTH);
                    assertThat(e.reason()).contains("Payload Length 40");
                });
    }

    @Test
    void givenAVersionThatIsNeitherFourNorSix_whenDescribed_thenOffsetZeroIsReported() {
        ByteBuffer p = ByteBuffer.wrap(new byte[] {0x50, 0, 0, 0});

        assertThatThrownBy(() -> PacketDescriber.describe(p))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isZero();
                    assertThat(e.reason()).isEqualTo("IP version 5 is neither 4 nor 6");
                });
        assertThatThrownBy(() -> PacketDescriber.describe(ByteBuffer.allocate(0)))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void givenAMobilityHeaderWithWrongPayloadProto_whenDescribed_thenTheFieldIsNamed() {
        ByteBuffer p = TestPackets.plain(new BindingUpdate(1, 0, 0, List.of()));
        p.put(Ipv6Header.LENGTH, (byte) 6);

        assertThatThrownBy(() -> PacketDescriber.describe(p))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(Ipv6Header.LENGTH);
                    assertThat(e.reason()).contains("Payload Proto 6");
                });
    }

    @Test
    void givenAHomeAddressOptionAsAnInvalidLength_whenDescribed_thenItsLengthFieldIsReported() {
        ByteBuffer p = TestPackets.capturedPackets().get(0);
        p.put(40 + 7, (byte) 15);

        assertThatThrownBy(() -> PacketDescriber.describe(p))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.offset()).isEqualTo(40 + 7));
    }

    @Test
    void givenTheAddressesOfTheSchemaExamples_whenDescribed_thenHomeAddressIsNotShownAsTheSource()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(TestPackets.withHomeAddress(
                new BindingUpdate(1, BindingUpdate.FLAG_A, 0, List.of())));

        assertThat(at(tree, "ipv6", "source")).isEqualTo(AddressText.format(CARE_OF));
        assertThat(at(tree, "ipv6", "extensionHeaders", 0, "options", 1, "homeAddress"))
                .isEqualTo(AddressText.format(HOME));
    }
}
