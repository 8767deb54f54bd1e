package io.anyhome.packet.mh;

import static io.anyhome.packet.mh.ScapyCrossCheckTest.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MobilityHeaderGoldenTest {

    private static MobilityMessage expected(String name) {
        return switch (name) {
            case "bu-home-registration" -> new BindingUpdate(1234,
                    BindingUpdate.FLAG_A | BindingUpdate.FLAG_H, 105,
                    List.of(new AlternateCareOfAddress(addr("2001:db8:2::100"))));
            case "ba-accepted" -> new BindingAcknowledgement(BindingAckStatus.ACCEPTED,
                    BindingAcknowledgement.FLAG_K | BindingAcknowledgement.FLAG_R, 1234, 100,
                    List.of(new BindingRefreshAdvice(50)));
            case "be-unknown-binding" -> new BindingError(BindingError.STATUS_UNKNOWN_BINDING,
                    addr("2001:db8:1::100"), List.of());
            case "hot" -> new HomeTest(513, 0x0102030405060708L, 0x1112131415161718L, List.of());
            case "brr" -> new BindingRefreshRequest(List.of());
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"bu-home-registration", "ba-accepted", "be-unknown-binding", "hot",
        "brr"})
    void givenAGoldenVector_whenDecoded_thenFieldsMatchAndItReencodesIdentically(String name)
            throws MalformedPacketException {
        GoldenVectors golden = GoldenVectors.load(name);
        ByteBuffer buf = ByteBuffer.wrap(golden.bytes());

        MobilityMessage message = MobilityHeader.decode(buf);

        assertThat(message).isEqualTo(expected(name));
        assertThat(MobilityHeader.checksumValid(buf, 0, golden.source(), golden.destination()))
                .isTrue();
        ByteBuffer out = ByteBuffer.allocate(golden.bytes().length);
        MobilityHeader.encode(message, out, golden.source(), golden.destination());
        assertThat(out.array()).isEqualTo(golden.bytes());
    }

    @Test
    void givenTheHomeRegistration_whenRead_thenFlagsAndLifetimeAreNamed()
            throws MalformedPacketException {
        BindingUpdate bu = (BindingUpdate) MobilityHeader.decode(
                ByteBuffer.wrap(GoldenVectors.load("bu-home-registration").bytes()));

        assertThat(bu.has(BindingUpdate.FLAG_A)).isTrue();
        assertThat(bu.has(BindingUpdate.FLAG_H)).isTrue();
        assertThat(bu.has(BindingUpdate.FLAG_K)).isFalse();
        assertThat(bu.lifetimeSeconds()).isEqualTo(420);
    }

    @Test
    void givenAChecksumComputedWithTheCareOfAddress_whenVerifiedWithTheHomeAddress_thenItFails()
            throws MalformedPacketException {
        GoldenVectors golden = GoldenVectors.load("bu-home-registration");

        assertThat(MobilityHeader.checksumValid(ByteBuffer.wrap(golden.bytes()), 0,
                addr("2001:db8:2::100"), golden.destination())).isFalse();
    }

    @Test
    void givenAWrongPayloadProto_whenDecoded_thenTheFieldIsNamed() {
        byte[] b = GoldenVectors.load("brr").bytes();
        b[0] = 6;

        assertThatThrownBy(() -> MobilityHeader.decode(ByteBuffer.wrap(b)))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("Payload Proto 6")
                .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isZero());
    }

    @Test
    void givenABindingErrorWithHeaderLenOne_whenDecoded_thenTheMinimumIsReported() {
        byte[] b = Arrays.copyOf(GoldenVectors.load("be-unknown-binding").bytes(), 16);
        b[1] = 1;

        assertThatThrownBy(() -> MobilityHeader.decode(ByteBuffer.wrap(b)))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("Header Len 1 below the minimum 2 for a Binding Error")
                .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isEqualTo(1));
    }

    @Test
    void givenAnOptionRunningPastTheHeader_whenDecoded_thenItsLengthIsBlamed() {
        byte[] b = GoldenVectors.load("ba-accepted").bytes();
        b[13] = 9;

        assertThatThrownBy(() -> MobilityHeader.decode(ByteBuffer.wrap(b)))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("Option Length 9 of mobility option type 2")
                .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isEqualTo(13));
    }

    @Test
    void givenAnUnknownStatus_whenNamed_thenItStaysNumeric() {
        assertThat(BindingAckStatus.of(200).name()).isEqualTo("status 200");
        assertThat(BindingAckStatus.of(200).accepted()).isFalse();
        assertThat(BindingAckStatus.of(135)).isEqualTo(BindingAckStatus.SEQUENCE_OUT_OF_WINDOW);
        assertThat(BindingAckStatus.SEQUENCE_OUT_OF_WINDOW.name())
                .isEqualTo("Sequence number out of window");
    }

    @Test
    void givenAHeaderAfterOtherBytes_whenDecodedAtItsOffset_thenErrorsUseAbsoluteOffsets() {
        byte[] mh = GoldenVectors.load("brr").bytes();
        byte[] packet = new byte[40 + mh.length];
        System.arraycopy(mh, 0, packet, 40, mh.length);
        packet[40] = 17;

        assertThatThrownBy(() -> MobilityHeader.decode(ByteBuffer.wrap(packet), 40))
                .isInstanceOf(MalformedPacketException.class)
                .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isEqualTo(40));
    }
}
