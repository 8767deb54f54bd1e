package io.anyhome.packet.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.GoldenVectors;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Icmpv6;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every decoder of {@code ip} and {@code icmp6}, fed random bytes and mutated valid packets,
 * returns or throws {@link MalformedPacketException}, and nothing else.
 */
class DecoderTotalityTest {
    private static final List<String> GOLDEN = List.of("ra-all-options.hex", "na-unsolicited.hex",
            "udp6.hex", "udp6-hao.hex", "udp6-rh2.hex", "udp4.hex");

    private interface Decoder {
        void decode(ByteBuffer buffer, int offset) throws MalformedPacketException;
    }

    private static final List<Decoder> DECODERS = List.of(
            DecoderTotalityTest::walkToTheUpperLayer,
            (b, o) -> new Ipv6Header().wrap(b, o),
            (b, o) -> new Ipv4Header().wrap(b, o),
            (b, o) -> new UdpHeader().wrap(b, o, b.limit()),
            (b, o) -> OptionsHeader.decode(b, o, b.limit()),
            (b, o) -> RoutingHeaderType2.decode(b, o, b.limit()),
            (b, o) -> FragmentHeader.decode(b, o, b.limit()),
            (b, o) -> Icmpv6.decode(b, o, b.limit() - o),
            (b, o) -> Icmpv6.decode(b, o, b.limit()));

    private static void walkToTheUpperLayer(ByteBuffer buffer, int offset)
            throws MalformedPacketException {
        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(buffer, offset);
        assertThat(chain.upperLayerOffset()).isBetween(offset + 40, chain.ipv6().end());
        if (chain.upperLayerProtocol() == 58) {
            Icmpv6.decode(buffer, chain.upperLayerOffset(), chain.upperLayerLength());
            Icmpv6.isChecksumValid(chain);
        } else if (chain.upperLayerProtocol() == 17) {
            new UdpHeader().wrap(buffer, chain.upperLayerOffset(), chain.ipv6().end());
            UpperLayerChecksum.ipv6(chain);
        }
    }

    @Property(tries = 2000)
    void randomBytesOnlyEverRaiseMalformedPacket(@ForAll @Size(max = 160) byte[] bytes,
            @ForAll @IntRange(min = -2, max = 170) int offset) {
        assertTotal(bytes, offset);
    }

    @Property(tries = 2000)
    void randomBytesAfterAnIpv6HeaderOnlyEverRaiseMalformedPacket(@ForAll("ipv6Packets") byte[] bytes) {
        assertTotal(bytes, 0);
    }

    @Property(tries = 3000)
    void mutatedValidPacketsOnlyEverRaiseMalformedPacket(@ForAll("mutatedPackets") byte[] bytes) {
        assertTotal(bytes, 0);
        assertTotal(bytes, 40);
    }

    private static void assertTotal(byte[] bytes, int offset) {
        for (Decoder decoder : DECODERS) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.clone());
            try {
                decoder.decode(buffer, offset);
            } catch (MalformedPacketException e) {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.offset()).isBetween(0, bytes.length);
            }
            assertThat(buffer.position()).isZero();
        }
    }

    @Provide
    Arbitrary<byte[]> ipv6Packets() {
        Arbitrary<Integer> nextHeader = Arbitraries.of(0, 43, 44, 51, 58, 60, 17, 59, 135);
        return nextHeader.flatMap(next -> Arbitraries.bytes().array(byte[].class).ofMaxSize(120)
                .map(rest -> {
                    byte[] p = new byte[40 + rest.length];
                    p[0] = 0x60;
                    p[4] = (byte) (rest.length >> 8);
                    p[5] = (byte) rest.length;
                    p[6] = (byte) (int) next;
                    System.arraycopy(rest, 0, p, 40, rest.length);
                    return p;
                }));
    }

    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        Arbitrary<byte[]> valid = Arbitraries.of(GOLDEN)
                .map(name -> GoldenVectors.load(name).array());
        Arbitrary<Tuple.Tuple3<Integer, Integer, Integer>> flip = Arbitraries.integers()
                .between(0, 200).tuple3().map(t -> t);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 6).flatMap(n -> flip.list().ofSize(n))
                        .flatMap(flips -> valid.map(p -> flipped(p, flips))),
                Arbitraries.integers().between(0, 140)
                        .flatMap(cut -> valid.map(p -> Arrays.copyOf(p, Math.min(cut, p.length)))),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)
                        .flatMap(extra -> valid.map(p -> extended(p, extra))),
                Arbitraries.integers().between(0, 0xffff)
                        .flatMap(len -> valid.map(p -> withPayloadLength(p, len))));
    }

    private static byte[] flipped(byte[] packet, List<Tuple.Tuple3<Integer, Integer, Integer>> flips) {
        byte[] p = packet.clone();
        for (Tuple.Tuple3<Integer, Integer, Integer> f : flips) {
            int at = f.get1() % p.length;
            p[at] = (byte) (f.get2() % 2 == 0 ? f.get3() : p[at] ^ (1 << (f.get3() % 8)));
        }
        return p;
    }

    private static byte[] extended(byte[] packet, byte[] extra) {
        byte[] p = Arrays.copyOf(packet, packet.length + extra.length);
        System.arraycopy(extra, 0, p, packet.length, extra.length);
        return p;
    }

    private static byte[] withPayloadLength(byte[] packet, int length) {
        byte[] p = packet.clone();
        if ((p[0] & 0xf0) == 0x60) {
            p[4] = (byte) (length >> 8);
            p[5] = (byte) length;
        } else {
            p[2] = (byte) (length >> 8);
            p[3] = (byte) length;
        }
        return p;
    }
}
