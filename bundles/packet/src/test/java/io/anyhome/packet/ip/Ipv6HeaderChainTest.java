package io.anyhome.packet.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class Ipv6HeaderChainTest {
    private static final byte[] A = UdpGoldenTest.address("2001:db8:1::1");
    private static final byte[] B = UdpGoldenTest.address("2001:db8:2::2");

    /** An IPv6 packet of {@code count} empty Destination Options headers, then No Next Header. */
    private static ByteBuffer destinationOptions(int count, int firstHeader) {
        ByteBuffer p = ByteBuffer.allocate(40 + 8 * count);
        Ipv6Header.encode(p, 0, 0, 8 * count, firstHeader, 64, A, B);
        for (int i = 0; i < count; i++) {
            p.put((byte) (i == count - 1 ? 59 : 60)).put((byte) 0).put((byte) 1).put((byte) 4)
                    .putInt(0);
        }
        return p;
    }

    @Test
    void givenSixteenExtensionHeaders_whenWalked_thenTheUpperLayerIsReached()
            throws MalformedPacketException {
        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(destinationOptions(16, 60), 0);

        assertThat(chain.extensionHeaderCount()).isEqualTo(16);
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.NO_NEXT_HEADER.number());
        assertThat(chain.upperLayerLength()).isZero();
    }

    @Test
    void givenSeventeenExtensionHeaders_whenWalked_thenTheChainIsMalformed() {
        assertThatThrownBy(() -> new Ipv6HeaderChain().walk(destinationOptions(17, 60), 0))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).contains("more than 16 extension headers");
                    assertThat(e.offset()).isEqualTo(40 + 16 * 8);
                });
    }

    @Test
    void givenHopByHopAfterAnotherHeader_whenWalked_thenItIsMalformed() {
        ByteBuffer p = destinationOptions(2, 60);
        p.put(40, (byte) 0);

        assertThatThrownBy(() -> new Ipv6HeaderChain().walk(p, 0))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).contains("Hop-by-Hop"));
    }

    @Test
    void givenALaterFragment_whenWalked_thenItStopsAndReportsAFragment()
            throws MalformedPacketException {
        ByteBuffer p = ByteBuffer.allocate(40 + 8 + 16);
        Ipv6Header.encode(p, 0, 0, 24, 44, 64, A, B);
        new FragmentHeader(17, 3, false, 7).encode(p);

        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(p, 0);

        assertThat(chain.isFragment()).isTrue();
        assertThat(chain.fragmentHeaderOffset()).isEqualTo(40);
        assertThat(chain.upperLayerProtocol()).isEqualTo(17);
        assertThat(chain.upperLayerOffset()).isEqualTo(48);
    }

    @Test
    void givenAnOptionOverrunningItsHeader_whenWalked_thenTheLengthFieldIsNamed() {
        ByteBuffer p = destinationOptions(1, 60);
        p.put(43, (byte) 9);

        assertThatThrownBy(() -> new Ipv6HeaderChain().walk(p, 0))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(43);
                    assertThat(e.reason()).contains("Opt Data Len 9");
                });
    }

    @Test
    void givenAPayloadLengthBeyondTheBuffer_whenWalked_thenItIsMalformedAtPayloadLength() {
        ByteBuffer p = destinationOptions(1, 60);
        p.putShort(4, (short) 9);

        assertThatThrownBy(() -> new Ipv6HeaderChain().walk(p, 0))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.offset()).isEqualTo(4));
    }
}
