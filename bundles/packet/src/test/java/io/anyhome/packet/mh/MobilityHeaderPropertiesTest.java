package io.anyhome.packet.mh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MobilityHeaderPropertiesTest {
    private static final Inet6Address SRC = ScapyCrossCheckTest.addr("2001:db8:1::100");
    private static final Inet6Address DST = ScapyCrossCheckTest.addr("2001:db8:1::1");

    @Provide
    Arbitrary<MobilityMessage> messages() {
        return MobilityArbitraries.message();
    }

    static byte[] encode(MobilityMessage m) {
        ByteBuffer out = ByteBuffer.allocate(MobilityHeader.encodedLength(m));
        MobilityHeader.encode(m, out, SRC, DST);
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    @Property
    void encodeDecodeEncodeIsByteIdentical(@ForAll("messages") MobilityMessage message)
            throws MalformedPacketException {
        byte[] first = encode(message);
        assertThat(first.length % 8).isZero();
        ByteBuffer buf = ByteBuffer.wrap(first);
        MobilityMessage decoded = MobilityHeader.decode(buf);
        assertThat(decoded).isEqualTo(message);
        assertThat(MobilityHeader.checksumValid(buf, 0, SRC, DST)).isTrue();
        assertThat(encode(decoded)).isEqualTo(first);
    }

    @Property
    void optionsStartAtTheirAlignment(@ForAll("messages") MobilityMessage message)
            throws MalformedPacketException {
        byte[] bytes = encode(message);
        if (message instanceof RawMobilityMessage) {
            return;
        }
        int pos = MobilityHeader.optionsOffset(message.type());
        int index = 0;
        while (pos < bytes.length) {
            int type = bytes[pos] & 0xff;
            if (type == 0) {
                pos++;
                continue;
            }
            if (type != 1) {
                MobilityOption o = message.options().get(index++);
                assertThat(type).isEqualTo(o.type());
                assertThat(pos % o.alignment().x()).isEqualTo(o.alignment().y());
            }
            pos += 2 + (bytes[pos + 1] & 0xff);
        }
        assertThat(index).isEqualTo(message.options().size());
    }

    @Property
    void randomBytesDecodeOrThrowMalformed(@ForAll @Size(max = 300) byte[] bytes,
            @ForAll boolean validStart) {
        if (validStart && bytes.length > 2) {
            bytes[0] = 59;
            bytes[2] = (byte) (bytes[2] & 0x0f);
        }
        assertDecodesOrMalformed(bytes);
    }

    @Property
    void mutatedMessagesDecodeOrThrowMalformed(@ForAll("messages") MobilityMessage message,
            @ForAll @IntRange(min = 0, max = 2) int mutation,
            @ForAll @IntRange(min = 0, max = 4095) int where,
            @ForAll @IntRange(min = 1, max = 255) int value) {
        byte[] bytes = encode(message);
        byte[] mutated = switch (mutation) {
            case 0 -> {
                byte[] b = bytes.clone();
                b[where % b.length] ^= (byte) value;
                yield b;
            }
            case 1 -> Arrays.copyOf(bytes, where % bytes.length);
            default -> Arrays.copyOf(bytes, bytes.length + value);
        };
        assertDecodesOrMalformed(mutated);
    }

    @Property
    void decodingAtAnyOffsetStaysInBounds(@ForAll("messages") MobilityMessage message,
            @ForAll @IntRange(min = -3, max = 4100) int offset) {
        assertDecodesOrMalformedAt(encode(message), offset);
    }

    private static void assertDecodesOrMalformed(byte[] bytes) {
        assertDecodesOrMalformedAt(bytes, 0);
    }

    private static void assertDecodesOrMalformedAt(byte[] bytes, int offset) {
        assertThatCode(() -> {
            try {
                MobilityHeader.decode(ByteBuffer.wrap(bytes), offset);
            } catch (MalformedPacketException e) {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.offset()).isBetween(0, Math.max(0, bytes.length));
            }
        }).doesNotThrowAnyException();
    }

    @Property
    void unknownOptionTypesRejectTypesWithRecords(
            @ForAll @IntRange(min = 0, max = 255) int type) {
        if (MobilityOptions.isDecoded(type)) {
            assertThatCode(() -> new UnknownMobilityOption(type, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(new UnknownMobilityOption(type, new byte[0]).type()).isEqualTo(type);
        }
    }

}
