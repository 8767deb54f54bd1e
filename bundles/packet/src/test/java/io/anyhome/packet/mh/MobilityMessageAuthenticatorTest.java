package io.anyhome.packet.mh;

import static io.anyhome.packet.mh.ScapyCrossCheckTest.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MobilityMessageAuthenticatorTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final Inet6Address COA = addr("2001:db8:2::100");
    private static final Inet6Address HOA = addr("2001:db8:1::100");
    private static final Inet6Address HA = addr("2001:db8:1::1");

    private static BindingUpdate update(int authenticatorLength) {
        return new BindingUpdate(7,
                BindingUpdate.FLAG_A | BindingUpdate.FLAG_H | BindingUpdate.FLAG_K, 0,
                List.of(MobileNodeIdentifier.nai("mn1@example.com"),
                        new MobilityMessageAuthentication(
                                MobilityMessageAuthentication.SUBTYPE_MN_HA, 256,
                                new byte[authenticatorLength])));
    }

    @Test
    void givenAnUpdateSignedByAnIndependentHmac_whenVerified_thenItMatchesOnlyWithTheKey()
            throws MalformedPacketException {
        ByteBuffer golden = ByteBuffer.wrap(GoldenVectors.load("bu-mn-ha-auth").bytes());

        assertThat(MobilityMessageAuthenticator.verify(golden, 0, COA, HOA,
                Algorithm.HMAC_SHA1_96, KEY)).isTrue();
        assertThat(MobilityMessageAuthenticator.verify(golden, 0, HOA, COA,
                Algorithm.HMAC_SHA1_96, KEY)).isFalse();
        assertThat(MobilityMessageAuthenticator.verify(golden, 0, COA, HOA,
                Algorithm.HMAC_SHA1_96, new byte[20])).isFalse();
    }

    @Test
    void givenAPlaceholder_whenSigned_thenBytesEqualTheIndependentlySignedUpdate()
            throws MalformedPacketException {
        GoldenVectors golden = GoldenVectors.load("bu-mn-ha-auth");
        ByteBuffer out = ByteBuffer.allocate(golden.bytes().length);
        MobilityHeader.encodeWithoutChecksum(update(12), out);

        MobilityMessageAuthenticator.sign(out, 0, COA, HOA, Algorithm.HMAC_SHA1_96, KEY, HOA, HA);

        assertThat(out.array()).isEqualTo(golden.bytes());
        assertThat(MobilityHeader.checksumValid(out, 0, HOA, HA)).isTrue();
    }

    @Test
    void givenTheSignedUpdate_whenTheSpanIsTaken_thenItEndsAtTheSpiWithTheChecksumZero()
            throws MalformedPacketException {
        byte[] mh = GoldenVectors.load("bu-mn-ha-auth").bytes();

        byte[] data = MobilityMessageAuthenticator.authenticatedData(COA, HOA,
                ByteBuffer.wrap(mh), 0);

        // MN-ID ends at 30, PadN to 33 (4n+1), then type, length, subtype and 4 SPI bytes
        assertThat(data).hasSize(32 + 40);
        assertThat(data[32 + 4]).isZero();
        assertThat(data[32 + 5]).isZero();
        assertThat(HexFormat.of().formatHex(data, 32 + 33, 32 + 40)).isEqualTo("09110100000100");
    }

    @Test
    void givenSha256_whenSignedAndVerified_thenTheSixteenByteAuthenticatorChecks()
            throws MalformedPacketException {
        ByteBuffer out = ByteBuffer.allocate(128);
        MobilityHeader.encodeWithoutChecksum(update(16), out);

        MobilityMessageAuthenticator.sign(out, 0, COA, HOA, Algorithm.HMAC_SHA256_128, KEY,
                HOA, HA);

        assertThat(MobilityMessageAuthenticator.verify(out, 0, COA, HOA,
                Algorithm.HMAC_SHA256_128, KEY)).isTrue();
        assertThat(MobilityMessageAuthenticator.verify(out, 0, COA, HOA,
                Algorithm.HMAC_SHA1_96, KEY)).isFalse();
        assertThat(MobilityHeader.checksumValid(out, 0, HOA, HA)).isTrue();
    }

    @Test
    void givenNoAuthenticationOptionLast_whenSpanRequested_thenMalformed() {
        ByteBuffer out = ByteBuffer.allocate(64);
        MobilityHeader.encode(new BindingUpdate(1, 0, 0, List.of(new BindingRefreshAdvice(1))),
                out, HOA, HA);

        assertThatThrownBy(() -> MobilityMessageAuthenticator.authenticatedData(COA, HOA, out, 0))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("Mobility Message Authentication");
    }
}
