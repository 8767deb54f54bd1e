package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.BindingUpdateProcessorTest.FROM;
import static io.anyhome.homeagent.internal.BindingUpdateProcessorTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An independent implementation agrees: scapy builds and signs Binding Updates (the RFC 4285
 * options as raw options, the authenticator computed in Python), the home agent's processor
 * takes them as received bytes, and scapy dissects and verifies the acknowledgements field by field.
 */
class ScapyCrossCheckTest {
    private static final String KEY = "00112233445566778899aabbccddeeff0011223344556677";
    private static final String KEY_SHA1 = "0102030405060708090a0b0c0d0e0f10";

    private final BindingCache cache = new BindingCache();
    private final BindingUpdateProcessor processor = new BindingUpdateProcessor(
            new HomeAgentConfiguration(MobileNodeMessages.HA, null, IpPrefix.parse("2001:db8:1::/64"), "eth0", 4191, 3600,
                    Path.of("keys"), 7, "ha0", 1452, 10),
            () -> NodeKeys.of(List.of(MobileNodeMessages.key(), MobileNodeMessages.sha1Key())), cache,
            new HomeAgentCounters(), BindingListener.NONE, () -> T0);

    @Test
    void givenAScapyBindingUpdateWithSha256_whenProcessed_thenScapyReadsAnAcceptanceWithAValidAuthenticator()
            throws Exception {
        Map<String, String> ba = exchange("2001:db8:1::10", "mn1@example.com", 256, "hmac-sha256-128", KEY, KEY, 41);

        assertThat(ba).containsEntry("src", "2001:db8:1::1").containsEntry("dst", "2001:db8:1::10")
                .containsEntry("nh", "135").containsEntry("mhtype", "6").containsEntry("status", "0")
                .containsEntry("flags", "0").containsEntry("seq", "41").containsEntry("mhtime", "150")
                .containsEntry("cksum_ok", "True").containsEntry("auth_ok", "True");
        assertThat(ba).containsEntry("opt.0.type", "2").containsEntry("opt.0.class", "MIP6OptBRAdvice")
                .containsEntry("opt.0.data", "004b");
        assertThat(ba).containsEntry("opt.1.type", "8").containsEntry("opt.1.data",
                "01" + HexFormat.of().formatHex("mn1@example.com".getBytes()));
        assertThat(ba).containsEntry("opt.2.type", "10")
                .containsEntry("opt.2.data", String.format("%016x", NtpTime.fromEpochMillis(T0)));
        assertThat(ba).containsEntry("opt.3.type", "9");
        assertThat(ba.get("opt.3.data")).startsWith("0100000100").hasSize(2 * (5 + 16));
        assertThat(cache.find(MobileNodeMessages.HOA).sequence()).isEqualTo(41);
    }

    @Test
    void givenAScapyBindingUpdateWithSha1_whenProcessed_thenTheAcknowledgementCarriesA96BitAuthenticator()
            throws Exception {
        Map<String, String> ba = exchange("2001:db8:1::11", "mn2@example.com", 300, "hmac-sha1-96", KEY_SHA1, KEY_SHA1,
                7);

        assertThat(ba).containsEntry("status", "0").containsEntry("auth_ok", "True").containsEntry("opt.3.type", "9");
        assertThat(ba.get("opt.3.data")).startsWith("010000012c").hasSize(2 * (5 + 12));
    }

    @Test
    void givenAScapyBindingUpdateSignedWithAWrongKey_whenProcessed_thenScapyReads146WithoutAuthenticator()
            throws Exception {
        Map<String, String> ba = exchange("2001:db8:1::10", "mn1@example.com", 256, "hmac-sha256-128", KEY_SHA1 + KEY_SHA1,
                KEY, 3);

        assertThat(ba).containsEntry("status", "146").containsEntry("seq", "3").containsEntry("cksum_ok", "True")
                .doesNotContainKey("auth_ok").doesNotContainValue("9");
        assertThat(cache.size()).isZero();
    }

    private Map<String, String> exchange(String hoa, String nai, int spi, String alg, String signKey, String verifyKey,
            int seq) throws Exception {
        Map<String, String> bu = ScapyMobileNode.run("""
                {"mode":"bu","hoa":"%s","ha":"2001:db8:1::1","coa":"2001:db8:a::2","seq":%d,"lifetime":150,
                 "nai":"%s","spi":%d,"alg":"%s","key":"%s","timestamp":%s}
                """.formatted(hoa, seq, nai, spi, alg, signKey, Long.toUnsignedString(NtpTime.fromEpochMillis(T0))));
        ByteBuffer packet = ByteBuffer.wrap(HexFormat.of().parseHex(bu.get("packet")));
        ByteBuffer answer = ByteBuffer.allocate(2048);
        int n = processor.handle(packet, FROM, answer);
        assertThat(n).as("the home agent answered").isPositive();
        byte[] bytes = new byte[n];
        answer.get(0, bytes);
        return ScapyMobileNode.run("""
                {"mode":"ba","hex":"%s","hoa":"%s","coa":"2001:db8:a::2","alg":"%s","key":"%s"}
                """.formatted(HexFormat.of().formatHex(bytes), hoa, alg, verifyKey));
    }
}
