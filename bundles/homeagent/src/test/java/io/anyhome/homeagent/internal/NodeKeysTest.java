package io.anyhome.homeagent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeysTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            homeAddress=2001:db8:1::10
            identity=mn1@example.com
            spi=256
            algorithm=hmac-sha256-128
            key=00112233445566778899aabbccddeeff
            """;

    @Test
    void givenTwoKeyFiles_whenRead_thenEachNodeIsFoundByItsHomeAddressWithItsAlgorithm() throws Exception {
        Files.writeString(dir.resolve("mn1.key"), GOOD);
        Files.writeString(dir.resolve("mn2.key"), """
                homeAddress=2001:db8:1::11
                spi=300
                algorithm=hmac-sha1-96
                key=0102030405060708090a0b0c0d0e0f10
                """);
        Files.writeString(dir.resolve("README.txt"), "not a key file");

        NodeKeys keys = NodeKeys.read(dir);

        assertThat(keys.size()).isEqualTo(2);
        NodeKey one = keys.forHomeAddress(MobileNodeMessages.v6("2001:db8:1::10"));
        assertThat(one.identity()).isEqualTo("mn1@example.com");
        assertThat(one.spi()).isEqualTo(256);
        assertThat(one.algorithm()).isEqualTo(Algorithm.HMAC_SHA256_128);
        assertThat(one.toString()).doesNotContain("00112233");
        NodeKey two = keys.forHomeAddress(MobileNodeMessages.v6("2001:db8:1::11"));
        assertThat(two.identity()).isNull();
        assertThat(two.algorithm()).isEqualTo(Algorithm.HMAC_SHA1_96);
        assertThat(keys.forHomeAddress(MobileNodeMessages.v6("2001:db8:1::12"))).isNull();
    }

    @Test
    void givenNoDirectory_whenRead_thenThereAreNoKeys() throws Exception {
        assertThat(NodeKeys.read(dir.resolve("missing")).size()).isZero();
    }

    @Test
    void givenBadValues_whenRead_thenTheFileAndKeyAreNamed() throws Exception {
        assertRefused(GOOD.replace("key=00112233445566778899aabbccddeeff", "key=0011"), "key", "at least 16");
        assertRefused(GOOD.replace("key=00112233445566778899aabbccddeeff", "key=zz112233445566778899aabbccddeeff"),
                "key", "not hexadecimal");
        assertRefused(GOOD.replace("algorithm=hmac-sha256-128", "algorithm=md5"), "algorithm = md5",
                "hmac-sha256-128, hmac-sha1-96");
        assertRefused(GOOD.replace("spi=256", "spi=12"), "spi = 12", "outside 256");
        assertRefused(GOOD.replace("homeAddress=2001:db8:1::10", "homeAddress=fe80::10"), "homeAddress", "global");
        assertRefused(GOOD.replace("homeAddress=2001:db8:1::10\n", ""), "homeAddress", "missing");
    }

    @Test
    void givenTwoFilesForOneHomeAddress_whenRead_thenBothAreNamed() throws Exception {
        Files.writeString(dir.resolve("a.key"), GOOD);
        Files.writeString(dir.resolve("b.key"), GOOD);

        assertThatIllegalArgumentException().isThrownBy(() -> NodeKeys.read(dir))
                .withMessageContaining("b.key").withMessageContaining("also in a.key");
    }

    @Test
    void givenAChangedFile_whenStamped_thenTheStampChanges() throws Exception {
        Files.writeString(dir.resolve("a.key"), GOOD);
        String before = NodeKeys.stamp(dir);
        Files.writeString(dir.resolve("a.key"), GOOD + "# edited\n");

        assertThat(NodeKeys.stamp(dir)).isNotEqualTo(before);
    }

    private void assertRefused(String content, String key, String why) throws Exception {
        Path f = dir.resolve("bad.key");
        Files.writeString(f, content);
        assertThatIllegalArgumentException().isThrownBy(() -> NodeKeys.read(dir))
                .withMessageStartingWith(f + ": key " + key).withMessageContaining(why);
        Files.delete(f);
    }
}
