package io.anyhome.packet.describe;

import static io.anyhome.packet.describe.PacketDescriberTest.at;
import static io.anyhome.packet.describe.TestPackets.CARE_OF;
import static io.anyhome.packet.describe.TestPackets.HOME_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Echo;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Message;
import io.anyhome.packet.icmp6.UnknownIcmpv6Message;
import io.anyhome.packet.ip.FragmentHeader;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6Option;
import io.anyhome.packet.ip.OptionsHeader;
import io.anyhome.packet.mh.BindingUpdate;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Layers besides the Mobility Header: ICMPv6 without a record, fragments, IPv6 in IPv6. */
class OtherLayersTest {
    private static ByteBuffer icmpv6(Icmpv6Message message) {
        ByteBuffer p = ByteBuffer.allocate(200);
        Ipv6Header.encode(p, 0, 0, 0, 58, 64, CARE_OF.getAddress(), HOME_AGENT.getAddress());
        int length = Icmpv6.encode(p, message, CARE_OF.getAddress(), HOME_AGENT.getAddress());
        p.putShort(Ipv6Header.OFFSET_PAYLOAD_LENGTH, (short) length);
        return p.flip();
    }

    @Test
    void givenAnIcmpv6TypeWithoutARecord_whenDescribed_thenItsNameCodeAndBodyAreShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(
                icmpv6(new UnknownIcmpv6Message(3, 1, new byte[] {0, 0, 0, 0, 0x60})));

        assertThat(at(tree, "ipv6", "icmpv6")).isEqualTo(Map.of("type", "timeExceeded",
                "typeCode", 3, "code", 1, "checksum", at(tree, "ipv6", "icmpv6", "checksum"),
                "checksumValid", true, "body", "0000000060"));
    }

    @Test
    void givenAnEchoRequest_whenDescribed_thenIdentifierSequenceAndDataAreShown()
            throws MalformedPacketException {
        Map<String, Object> tree = PacketDescriber.describe(
                icmpv6(Echo.request(0x1234, 9, new byte[] {(byte) 0xab})));

        assertThat(at(tree, "ipv6", "icmpv6", "type")).isEqualTo("echoRequest");
        assertThat(at(tree, "ipv6", "icmpv6", "identifier")).isEqualTo(0x1234);
        assertThat(at(tree, "ipv6", "icmpv6", "sequence")).isEqualTo(9);
        assertThat(at(tree, "ipv6", "icmpv6", "data")).isEqualTo("ab");
    }

    @Test
    void givenALaterFragment_whenDescribed_thenTheFragmentHeaderIsListedAndTheRestIsPayload()
            throws MalformedPacketException {
        ByteBuffer p = ByteBuffer.allocate(40 + 8 + 4);
        Ipv6Header.encode(p, 0, 0, 12, 44, 64, CARE_OF.getAddress(), HOME_AGENT.getAddress());
        new FragmentHeader(17, 3, true, 0xfffffffe).encode(p);
        p.putInt(0xdeadbeef);

        Map<String, Object> tree = PacketDescriber.describe(p.flip());

        assertThat(at(tree, "ipv6", "extensionHeaders", 0)).isEqualTo(Map.of("header", "fragment",
                "nextHeader", 17, "length", 8, "fragmentOffset", 3, "moreFragments", true,
                "identification", 0xfffffffeL));
        assertThat(at(tree, "ipv6", "payload")).isEqualTo(Map.of("protocol", 17,
                "protocolName", "udp", "length", 4, "data", "deadbeef"));
    }

    @Test
    void givenIpv6InIpv6WithAnUnknownDestinationOption_whenDescribed_thenTheInnerPacketIsNested()
            throws MalformedPacketException {
        ByteBuffer inner = TestPackets.plain(new BindingUpdate(3, 0, 0, List.of()));
        OptionsHeader options = new OptionsHeader(41, List.of(
                new Ipv6Option.Unknown(0x1e, new byte[] {7, 7, 7, 7})));
        ByteBuffer p = ByteBuffer.allocate(40 + 8 + inner.limit());
        Ipv6Header.encode(p, 0x2e, 0xbeef, 8 + inner.limit(), 60, 64, HOME_AGENT.getAddress(),
                CARE_OF.getAddress());
        options.encode(p);
        p.put(inner);

        Map<String, Object> tree = PacketDescriber.describe(p.flip());

        assertThat(at(tree, "ipv6", "trafficClass")).isEqualTo(0x2e);
        assertThat(at(tree, "ipv6", "flowLabel")).isEqualTo(0xbeef);
        assertThat(at(tree, "ipv6", "extensionHeaders", 0, "options", 0))
                .isEqualTo(Map.of("type", "unknown", "typeCode", 0x1e, "data", "07070707"));
        assertThat(at(tree, "ipv6", "inner", "ipv6", "mobility", "sequence")).isEqualTo(3);
    }

    @Test
    void givenBytesAfterTheIpPacket_whenDescribed_thenTheirCountIsShown()
            throws MalformedPacketException {
        ByteBuffer p = TestPackets.capturedPackets().get(2);
        ByteBuffer padded = ByteBuffer.allocate(p.limit() + 14).put(p).position(0);

        Map<String, Object> tree = PacketDescriber.describe(padded);

        assertThat(at(tree, "ipv4", "trailingBytes")).isEqualTo(14);
        assertThat(at(tree, "ipv4", "udp", "checksumValid")).isEqualTo(true);
    }
}
