package io.anyhome.packet.mh;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Cross-checks the codec against scapy's mobileip6 layer in both directions: scapy builds
 * IPv6(CoA → HA)/DestOpt(HAO = HoA)/MH and we decode and re-encode it byte for byte, checksum
 * included; we encode and scapy dissects and reports the fields. One Python process serves the
 * whole class.
 */
class ScapyCrossCheckTest {
    static final String COA = "2001:db8:2::100";
    static final String HOA = "2001:db8:1::100";
    static final String HA = "2001:db8:1::1";
    private static final HexFormat HEX = HexFormat.of();

    private record Scenario(String name, MobilityMessage message, ScapySpec mh,
            List<ScapySpec> options) {
    }

    private static final List<Scenario> SCENARIOS = new ArrayList<>();
    private static Map<String, Map<String, String>> results;

    @BeforeAll
    static void runScapy() throws Exception {
        scenarios();
        List<String> cases = new ArrayList<>();
        for (Scenario s : SCENARIOS) {
            String addresses = "\"coa\":\"" + COA + "\",\"hoa\":\"" + HOA + "\",\"ha\":\"" + HA + "\"";
            List<String> opts = s.options.stream().map(ScapySpec::json).toList();
            cases.add("{\"id\":\"build-" + s.name + "\",\"op\":\"build\"," + addresses
                    + ",\"mh\":" + s.mh.json() + ",\"options\":[" + String.join(",", opts) + "]}");
            cases.add("{\"id\":\"dissect-" + s.name + "\",\"op\":\"dissect\"," + addresses
                    + ",\"hex\":\"" + HEX.formatHex(encode(s.message)) + "\"}");
        }
        results = ScapyPeer.run(cases);
    }

    @TestFactory
    Stream<DynamicTest> givenScapyBuiltPackets_whenDecodedAndReencoded_thenFieldsAndBytesMatch() {
        return SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.name, () -> {
            Map<String, String> r = results.get("build-" + s.name);
            assertThat(r).as("scapy result").isNotNull().doesNotContainKey("error");
            byte[] packet = HEX.parseHex(r.get("packet"));
            int mhStart = 40 + 8 * ((packet[41] & 0xff) + 1);
            ByteBuffer buf = ByteBuffer.wrap(packet);
            MobilityMessage decoded = MobilityHeader.decode(buf, mhStart);
            assertThat(decoded).isEqualTo(s.message);
            assertThat(MobilityHeader.checksumValid(buf, mhStart, addr(HOA), addr(HA))).isTrue();
            byte[] scapyMh = java.util.Arrays.copyOfRange(packet, mhStart, packet.length);
            assertThat(HEX.formatHex(encode(s.message))).isEqualTo(HEX.formatHex(scapyMh));
        }));
    }

    @TestFactory
    Stream<DynamicTest> givenOurEncoding_whenScapyDissectsIt_thenItReportsTheSameFields() {
        return SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.name, () -> {
            Map<String, String> r = results.get("dissect-" + s.name);
            assertThat(r).as("scapy result").isNotNull().doesNotContainKey("error");
            assertThat(r).containsEntry("cksum_ok", "1");
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("cls", s.mh.cls);
            if (s.message instanceof RawMobilityMessage raw) {
                // scapy's generic message takes 8 * len - 6 bytes: a prefix of the data
                expected.putAll(s.mh.expected(""));
                expected.remove("msg");
                assertThat(HEX.formatHex(raw.data())).startsWith(r.get("msg"));
            } else {
                expected.putAll(s.mh.expected(""));
                for (int i = 0; i < s.options.size(); i++) {
                    expected.put("opt." + i + ".cls", s.options.get(i).cls);
                    expected.putAll(s.options.get(i).expected("opt." + i + "."));
                }
                expected.put("nopts", String.valueOf(s.options.size()));
            }
            assertThat(r).containsAllEntriesOf(expected);
        }));
    }

    static byte[] encode(MobilityMessage m) {
        ByteBuffer out = ByteBuffer.allocate(MobilityHeader.MAX_LENGTH);
        int n = MobilityHeader.encode(m, out, addr(HOA), addr(HA));
        return java.util.Arrays.copyOf(out.array(), n);
    }

    static Inet6Address addr(String s) {
        try {
            return (Inet6Address) InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static Inet4Address addr4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static void add(String name, MobilityMessage m, ScapySpec mh, ScapySpec... options) {
        SCENARIOS.add(new Scenario(name, m, mh, List.of(options)));
    }

    private static BigInteger bigHex(String hex) {
        return new BigInteger(hex, 16);
    }

    private static void scenarios() throws MalformedPacketException {
        SCENARIOS.clear();
        int ah = BindingUpdate.FLAG_A | BindingUpdate.FLAG_H;
        add("bu-altcoa", new BindingUpdate(1234, ah, 105,
                        List.of(new AlternateCareOfAddress(addr(COA)))),
                ScapySpec.of("MIP6MH_BU").set("seq", 1234).set("flags", ah >>> 9)
                        .set("reserved", 0).set("mhtime", 105),
                ScapySpec.of("MIP6OptAltCoA").set("acoa", COA));
        add("bu-all-flags-nemo", new BindingUpdate(65535, 0xffc0, 65535, List.of(
                        new MobileNetworkPrefix(48, addr("2001:db8:100::")),
                        new MobileNetworkPrefix(64, addr("2001:db8:200:1::")))),
                ScapySpec.of("MIP6MH_BU").set("seq", 65535).set("flags", 0x7f)
                        .set("reserved", 0x1c0).set("mhtime", 65535),
                ScapySpec.of("MIP6OptMobNetPrefix").set("plen", 48).set("prefix", "2001:db8:100::"),
                ScapySpec.of("MIP6OptMobNetPrefix").set("plen", 64)
                        .set("prefix", "2001:db8:200:1::"));
        add("bu-rfc4285", new BindingUpdate(7, ah | BindingUpdate.FLAG_K, 0, List.of(
                        MobileNodeIdentifier.nai("mn1@example.com"),
                        new MobilityMessageReplayProtection(0x0123456789abcdefL),
                        new MobilityMessageAuthentication(1, 0x80000001L,
                                HEX.parseHex("00112233445566778899aabb")))),
                ScapySpec.of("MIP6MH_BU").set("seq", 7).set("flags", 0x68).set("mhtime", 0),
                ScapySpec.of("MIP6OptMNID").set("subtype", 1)
                        .hex("id", HEX.formatHex("mn1@example.com".getBytes())),
                ScapySpec.of("MIP6OptReplayProtection").set("timestamp", bigHex("0123456789abcdef")),
                ScapySpec.of("MIP6OptMsgAuth").set("subtype", 1).set("mspi", 0x80000001L)
                        .hex("authdata", "00112233445566778899aabb"));
        add("bu-return-routability", new BindingUpdate(300, BindingUpdate.FLAG_A, 100, List.of(
                        new NonceIndices(17, 42),
                        new BindingAuthorizationData(HEX.parseHex("0102030405060708090a0b0c")))),
                ScapySpec.of("MIP6MH_BU").set("seq", 300).set("flags", 0x40).set("mhtime", 100),
                ScapySpec.of("MIP6OptNonceIndices").set("olen", 4).set("hni", 17).set("coni", 42),
                ScapySpec.of("MIP6OptBindingAuthData").set("olen", 12)
                        .set("authenticator", bigHex("0102030405060708090a0b0c")));
        add("bu-dsmip-mcoa", new BindingUpdate(9, ah | BindingUpdate.FLAG_F, 30, List.of(
                        new Ipv4HomeAddress(24, true, addr4("192.0.2.10")),
                        new Ipv4CareOfAddress(addr4("198.51.100.7")),
                        new BindingIdentifier(1, 0, true, 5, Optional.of(addr4("203.0.113.9"))),
                        new BindingIdentifier(2, 0, false, 0, Optional.of(addr(COA))),
                        new BindingIdentifier(3, 0, false, 0, Optional.empty()))),
                ScapySpec.of("MIP6MH_BU").set("seq", 9).set("flags", 0x60).set("reserved", 0x100)
                        .set("mhtime", 30),
                unknown(29, "6200c000020a", 4, 0),
                unknown(32, "0000c6336407", 4, 0),
                unknown(35, "00010085cb007109", 8, 2),
                unknown(35, "0002000020010db8000200000000000000000100", 8, 2),
                unknown(35, "00030000", 8, 2));
        add("bu-deregistration", new BindingUpdate(10, ah, 0, List.of()),
                ScapySpec.of("MIP6MH_BU").set("seq", 10).set("flags", 0x60).set("mhtime", 0));
        int kr = BindingAcknowledgement.FLAG_K | BindingAcknowledgement.FLAG_R;
        add("ba-accepted", new BindingAcknowledgement(BindingAckStatus.ACCEPTED, kr, 1234, 100,
                        List.of(new BindingRefreshAdvice(50),
                                new MobileNetworkPrefix(48, addr("2001:db8:100::")))),
                ScapySpec.of("MIP6MH_BA").set("status", 0).set("flags", 6).set("res2", 0)
                        .set("seq", 1234).set("mhtime", 100),
                ScapySpec.of("MIP6OptBRAdvice").set("rinter", 50),
                ScapySpec.of("MIP6OptMobNetPrefix").set("plen", 48).set("prefix", "2001:db8:100::"));
        add("ba-dsmip-nat", new BindingAcknowledgement(BindingAckStatus.of(200), 0x18, 77, 0,
                        List.of(new Ipv4AddressAcknowledgement(0, 24, addr4("192.0.2.10")),
                                new NatDetection(true, 110),
                                new BindingIdentifier(1, 164, false, 0, Optional.empty()))),
                ScapySpec.of("MIP6MH_BA").set("status", 200).set("flags", 0).set("res2", 0x18)
                        .set("seq", 77).set("mhtime", 0),
                unknown(30, "0060c000020a", 4, 0),
                unknown(31, "80000000006e", 4, 0),
                unknown(35, "0001a400", 8, 2));
        add("be-unknown-binding", new BindingError(1, addr(HOA), List.of()),
                ScapySpec.of("MIP6MH_BE").set("status", 1).set("ha", HOA));
        add("be-unrecognized-type", new BindingError(2, addr("::"), List.of(
                        new UnknownMobilityOption(200, HEX.parseHex("abcdef")))),
                ScapySpec.of("MIP6MH_BE").set("status", 2).set("ha", "::"),
                unknown(200, "abcdef", 1, 0));
        add("brr", new BindingRefreshRequest(List.of()), ScapySpec.of("MIP6MH_BRR"));
        add("hoti", new HomeTestInit(0x0102030405060708L, List.of()),
                ScapySpec.of("MIP6MH_HoTI").hex("cookie", "0102030405060708"));
        add("coti", new CareOfTestInit(0xf0e0d0c0b0a09080L, List.of()),
                ScapySpec.of("MIP6MH_CoTI").hex("cookie", "f0e0d0c0b0a09080"));
        add("hot", new HomeTest(513, 0x0102030405060708L, 0x1112131415161718L, List.of()),
                ScapySpec.of("MIP6MH_HoT").set("index", 513).hex("cookie", "0102030405060708")
                        .hex("token", "1112131415161718"));
        add("cot", new CareOfTest(65535, -1L, 0L, List.of(new BindingRefreshAdvice(1))),
                ScapySpec.of("MIP6MH_CoT").set("index", 65535).hex("cookie", "ffffffffffffffff")
                        .hex("token", "0000000000000000"),
                ScapySpec.of("MIP6OptBRAdvice").set("rinter", 1));
        // scapy has no Heartbeat class (its generic MH stops at PadN): WiresharkCrossCheckTest
        // checks our Heartbeat instead
        add("raw-home-agent-switch", new RawMobilityMessage(12, HEX.parseHex("00010000002a00000000")),
                ScapySpec.of("MIP6MH_Generic").set("mhtype", 12).set("len", 1)
                        .hex("msg", "00010000002a00000000"));
    }

    private static ScapySpec unknown(int type, String data, int x, int y) {
        return ScapySpec.of("MIP6OptUnknown").set("otype", type).hex("odata", data).align(x, y);
    }
}
