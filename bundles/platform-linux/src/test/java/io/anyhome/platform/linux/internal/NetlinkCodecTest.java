package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes captured from a Linux 6.x kernel in a test namespace (link attributes not used by
 * the decoder removed), and requests compared with what the kernel accepted.
 */
class NetlinkCodecTest {
    /** RTM_NEWLINK payload of veth up0 (index 3, peer down): IFNAME, OPERSTATE, MTU, CARRIER, ADDRESS, LINKINFO. */
    static final String VETH_LINK = "000001000300000002100000000000000800030075703000050010000200000008000400dc050000"
            + "05002100000000000a0001000200000000010000100012000900010076657468000000000800050002000000";
    /** RTM_NEWADDR payload: 2001:db8:1::1/64 on index 3, IFA_FLAGS permanent|nodad, infinite lifetimes. */
    static final String NODAD_ADDRESS = "0a408200030000001400010020010db800010000000000000000000114000600"
            + "ffffffffffffffffc4f90300c4f903000800080082000000";
    /** NLMSG_ERROR datagram for "ip link set up0 mtu 10": EINVAL, capped, with an extended-ack message. */
    static final String MTU_ERROR = "480000000200000307000000be270000eaffffff28000000130005000700000000000000"
            + "210001006d7475206c657373207468616e20646576696365206d696e696d756d00000000";
    /** NLMSG_ERROR datagram for a route via a missing device: ENODEV, capped, no extended ack. */
    static final String ENODEV_ERROR = "240000000200000107000000aa230000edffffff48000000180005050700000000000000";
    /** RTM_SETLINK mtu 10 on index 3, sequence 7, as the kernel received it (the socket adds NLM_F_ACK). */
    static final String SET_MTU_REQUEST = "2800000013000500070000000000000000000000030000000000000000000000080004000a000000";
    /** RTM_NEWROUTE 2001:db8:5::/64 dev 9999 table 100 metric 10 (replace), sequence 7, with NLM_F_ACK. */
    static final String ROUTE_REQUEST = "480000001800050507000000000000000a400000640400010000000008000f0064000000"
            + "1400010020010db8000500000000000000000000080004000f270000080006000a000000";

    @BeforeEach
    void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the golden bytes are little-endian");
    }

    static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex)).order(ByteOrder.nativeOrder());
    }

    static NetlinkMessage message(int type, int flags, String payloadHex) {
        return new NetlinkMessage(type, flags, 0, 0, bytes(payloadHex));
    }

    @Test
    void givenACapturedVethLink_whenDecoded_thenEveryFieldIsRead() throws Exception {
        LinkEvent e = (LinkEvent) RtnetlinkDecoder.decode(message(Rtnetlink.RTM_NEWLINK, 2, VETH_LINK), 42);

        assertThat(e).isEqualTo(new LinkEvent(Change.NEW, 3, "up0", 0x1002, false, OperState.DOWN, 1500, "veth",
                "02:00:00:00:00:01", 42));
    }

    @Test
    void givenACapturedNodadAddress_whenDecoded_thenFlagsAndInfiniteLifetimesAreRead() throws Exception {
        AddressEvent e = (AddressEvent) RtnetlinkDecoder.decode(message(Rtnetlink.RTM_NEWADDR, 2, NODAD_ADDRESS), 7);

        assertThat(e.address()).isEqualTo(IpPrefix.parse("2001:db8:1::1/64"));
        assertThat(e.index()).isEqualTo(3);
        assertThat(e.permanent()).isTrue();
        assertThat(e.tentative()).isFalse();
        assertThat(e.preferredLifetimeMs()).isEqualTo(-1);
        assertThat(e.isUsableAsSource()).isTrue();
    }

    @Test
    void givenTheDeletionOfATentativeAddress_whenDecoded_thenItIsADeletedTentativeAddress() throws Exception {
        // ifa_flags tentative, IFA_FLAGS absent, lifetimes 30 s / 60 s
        String payload = "0a4040000300000014000100" + "20010db8000100000000000000000002"
                + "140006001e0000003c0000000000000000000000";
        AddressEvent e = (AddressEvent) RtnetlinkDecoder.decode(message(Rtnetlink.RTM_DELADDR, 0, payload), 7);

        assertThat(e.change()).isEqualTo(Change.DELETED);
        assertThat(e.tentative()).isTrue();
        assertThat(e.preferredLifetimeMs()).isEqualTo(30_000);
        assertThat(e.validLifetimeMs()).isEqualTo(60_000);
    }

    /** An RTM_NEWLINK answer for index 3 with IFLA_STATS64 of {@code statsLength} bytes, counters 1, 2, 3, 4, 5, ... */
    static NetlinkMessage linkWithStatistics(int statsLength) throws Exception {
        ByteBuffer stats = ByteBuffer.allocate(statsLength).order(ByteOrder.nativeOrder());
        for (int i = 0; i + 8 <= statsLength; i += 8) {
            stats.putLong(i, i / 8 + 1 + (i == 16 ? 5_000_000_000L : 0));
        }
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(Rtnetlink.RTM_NEWLINK, 0)
                .u8(0).u8(0).u16(1).u32(3).u32(0x1003).u32(0).attributeString(Rtnetlink.IFLA_IFNAME, "up0")
                .attribute(Rtnetlink.IFLA_STATS64, stats.array());
        return NetlinkMessage.split(b.build(1)).get(0);
    }

    @Test
    void givenALinkWithStats64_whenItsCountersAreRead_thenPacketsAndBytesComeFromTheirPlacesAsU64() throws Exception {
        // rtnl_link_stats64 of Linux 6.x: 25 counters (200 bytes); rx_bytes above 2^32
        LinkStatistics s = RtnetlinkDecoder.statistics(linkWithStatistics(200));

        assertThat(s).isEqualTo(new LinkStatistics(5_000_000_003L, 4, 1, 2));
        assertThat(s.totalBytes()).isEqualTo(5_000_000_007L);
    }

    @Test
    void givenALinkWithoutOrWithATruncatedStats64_whenItsCountersAreRead_thenMalformed() throws Exception {
        NetlinkMessage without = NetlinkMessage.split(RtnetlinkRequests.getLink(3).build(1)).get(0);

        assertThatThrownBy(() -> RtnetlinkDecoder.statistics(without)).isInstanceOf(NetlinkMalformedException.class)
                .hasMessageContaining("without IFLA_STATS64");
        assertThatThrownBy(() -> RtnetlinkDecoder.statistics(linkWithStatistics(24)))
                .isInstanceOf(NetlinkMalformedException.class).hasMessageContaining("24 bytes");
    }

    @Test
    void givenAnExtendedAck_whenTheErrorIsDecoded_thenErrnoAndMessageAreRead() throws Exception {
        NetlinkMessage m = NetlinkMessage.split(bytes(MTU_ERROR)).get(0);

        assertThat(NetlinkError.decode(m)).isEqualTo(new NetlinkError(22, 7, "mtu less than device minimum", -1));
    }

    @Test
    void givenAnErrorWithoutTlvs_whenDecoded_thenOnlyErrnoIsRead() throws Exception {
        NetlinkMessage m = NetlinkMessage.split(bytes(ENODEV_ERROR)).get(0);

        assertThat(NetlinkError.decode(m)).isEqualTo(new NetlinkError(19, 7, "", -1));
    }

    @Test
    void givenAnUncappedErrorWithAnOffset_whenDecoded_thenTheTlvsAfterTheEchoedRequestAreRead() throws Exception {
        NetlinkMessageBuilder echoed = RtnetlinkRequests.setMtu(3, 10);
        ByteBuffer request = echoed.build(9);
        NetlinkMessageBuilder error = new NetlinkMessageBuilder(NetlinkMessage.NLMSG_ERROR, NetlinkMessage.NLM_F_ACK_TLVS)
                .u32(-22);
        for (int i = 0; i < request.limit(); i++) {
            error.u8(request.get(i));
        }
        error.attributeString(NetlinkError.NLMSGERR_ATTR_MSG, "bad mtu").attributeU32(NetlinkError.NLMSGERR_ATTR_OFFS, 32);

        NetlinkMessage m = NetlinkMessage.split(error.build(9)).get(0);

        assertThat(NetlinkError.decode(m)).isEqualTo(new NetlinkError(22, 9, "bad mtu", 32));
    }

    @Test
    void givenTheMtuRequest_whenEncoded_thenItMatchesTheBytesTheKernelReceived() {
        ByteBuffer expected = bytes(SET_MTU_REQUEST);
        expected.putShort(6, (short) NetlinkMessage.NLM_F_REQUEST);

        assertThat(RtnetlinkRequests.setMtu(3, 10).build(7)).isEqualTo(expected);
    }

    @Test
    void givenARouteSpec_whenEncoded_thenItMatchesTheBytesTheKernelReceived() {
        ByteBuffer expected = bytes(ROUTE_REQUEST);
        expected.putShort(6, (short) (expected.getShort(6) & ~NetlinkMessage.NLM_F_ACK));
        RouteSpec route = new RouteSpec(IpPrefix.parse("2001:db8:5::/64"), null, 9999, 100, 10);

        assertThat(RtnetlinkRequests.route(true, route).build(7)).isEqualTo(expected);
    }

    @Test
    void givenAPolicyRule_whenEncoded_thenSourceTableAndPriorityAreAttributes() throws Exception {
        PolicyRule rule = new PolicyRule(IpPrefix.parse("2001:db8:1::10/128"), 100, 1000);
        NetlinkMessage m = NetlinkMessage.split(RtnetlinkRequests.rule(true, rule).build(1)).get(0);
        NetlinkAttributes a = NetlinkAttributes.parse(m.payload(), Rtnetlink.FIB_RULE_HDR_LENGTH);

        assertThat(m.type()).isEqualTo(Rtnetlink.RTM_NEWRULE);
        assertThat(m.payload().get(0)).isEqualTo((byte) Rtnetlink.AF_INET6);
        assertThat(m.payload().get(2)).isEqualTo((byte) 128);
        assertThat(m.payload().get(7)).isEqualTo((byte) Rtnetlink.FR_ACT_TO_TBL);
        assertThat(InetAddress.getByAddress(a.bytes(Rtnetlink.FRA_SRC)))
                .isEqualTo(InetAddress.getByName("2001:db8:1::10"));
        assertThat(a.u32(Rtnetlink.FRA_TABLE, 0)).isEqualTo(100);
        assertThat(a.u32(Rtnetlink.FRA_PRIORITY, 0)).isEqualTo(1000);
    }

    @Test
    void givenAGatewayRouteMessage_whenDecoded_thenTableMetricGatewayAndDeviceAreRead() throws Exception {
        RouteSpec spec = new RouteSpec(IpPrefix.parse("::/0"), InetAddress.getByName("2001:db8:1::1"), 4, 1000, 1);
        NetlinkMessage request = NetlinkMessage.split(RtnetlinkRequests.route(true, spec).build(1)).get(0);

        RouteEvent e = (RouteEvent) RtnetlinkDecoder.decode(request, 5);

        assertThat(e).isEqualTo(new RouteEvent(Change.NEW, IpPrefix.parse("::/0"),
                InetAddress.getByName("2001:db8:1::1"), 4, 1000, 1, RouteEvent.PROTOCOL_STATIC, 5));
    }

    @Test
    void givenAProxyNeighbourRequest_whenDecodedAsAnEvent_thenItIsAPermanentProxyEntry() throws Exception {
        InetAddress a = InetAddress.getByName("2001:db8:1::99");
        NetlinkMessage m = NetlinkMessage.split(RtnetlinkRequests.proxyNeighbour(true, 5, a).build(1)).get(0);

        NeighbourEvent e = (NeighbourEvent) RtnetlinkDecoder.decode(m, 5);

        assertThat(e).isEqualTo(new NeighbourEvent(Change.NEW, 5, a, "", NeighbourState.PERMANENT, false, true, 5));
    }

    @Test
    void givenADatagramOfTwoMessagesAndDone_whenSplit_thenAllThreeAreFoundInOrder() throws Exception {
        ByteBuffer one = new NetlinkMessageBuilder(Rtnetlink.RTM_NEWLINK, NetlinkMessage.NLM_F_MULTI).u32(1).build(5);
        ByteBuffer two = new NetlinkMessageBuilder(Rtnetlink.RTM_NEWLINK, NetlinkMessage.NLM_F_MULTI).u8(9).build(5);
        ByteBuffer done = new NetlinkMessageBuilder(NetlinkMessage.NLMSG_DONE, NetlinkMessage.NLM_F_MULTI).u32(0).build(5);
        ByteBuffer all = ByteBuffer.allocate(one.limit() + two.limit() + done.limit()).put(one).put(two).put(done).flip();

        List<NetlinkMessage> messages = NetlinkMessage.split(all);

        assertThat(messages).extracting(NetlinkMessage::type)
                .containsExactly(Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_NEWLINK, NetlinkMessage.NLMSG_DONE);
        assertThat(messages.get(1).payload().limit()).isEqualTo(4); // one byte, padded to four
        assertThat(NetlinkError.decodeDone(messages.get(2)).errno()).isZero();
    }

    @Test
    void givenALengthBeyondTheDatagram_whenSplit_thenItIsMalformedWithAHexDump() {
        ByteBuffer b = bytes("ff00000010000000000000000000000000000000");

        assertThatThrownBy(() -> NetlinkMessage.split(b)).isInstanceOf(NetlinkMalformedException.class)
                .hasMessageContaining("nlmsg_len 255")
                .satisfies(e -> assertThat(((NetlinkMalformedException) e).hexDump()).startsWith("0000: ff 00"));
    }

    @Test
    void givenEveryTruncationOfTheCapturedLink_whenDecoded_thenItDecodesOrIsMalformedNeverAnythingElse() {
        byte[] full = HexFormat.of().parseHex(VETH_LINK);
        for (int n = 0; n < full.length; n++) {
            ByteBuffer b = ByteBuffer.wrap(full, 0, n).slice().order(ByteOrder.nativeOrder());
            decodesOrIsMalformed(new NetlinkMessage(Rtnetlink.RTM_NEWLINK, 0, 0, 0, b));
        }
    }

    @Property(tries = 2000)
    void anyPayloadOfAnyRtnetlinkType_decodesOrIsMalformed(@ForAll byte[] payload, @ForAll byte typeOffset) {
        int type = Rtnetlink.RTM_NEWLINK + Math.floorMod(typeOffset, 16);
        decodesOrIsMalformed(new NetlinkMessage(type, 0, 0, 0, ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder())));
    }

    @Property(tries = 2000)
    void anyDatagram_splitsOrIsMalformed(@ForAll byte[] datagram) {
        try {
            for (NetlinkMessage m : NetlinkMessage.split(ByteBuffer.wrap(datagram))) {
                decodesOrIsMalformed(m);
            }
        } catch (NetlinkMalformedException expected) {
            // the only failure allowed
        }
    }

    private static void decodesOrIsMalformed(NetlinkMessage m) {
        try {
            RtnetlinkDecoder.decode(m, 1);
            if (m.type() == NetlinkMessage.NLMSG_ERROR) {
                NetlinkError.decode(m);
            }
        } catch (NetlinkMalformedException expected) {
            // the only failure allowed
        }
    }
}
