package io.anyhome.packet.describe;

import io.anyhome.packet.GoldenVectors;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@link PacketDescriber#describe(ByteBuffer)} fed random bytes and mutated valid packets returns
 * a JSON-ready tree or throws {@link MalformedPacketException}, and nothing else.
 */
class DescriberTotalityTest {
    private static List<byte[]> validPackets() {
        List<byte[]> packets = new ArrayList<>();
        for (ByteBuffer b : TestPackets.capturedPackets()) {
            packets.add(b.array());
        }
        for (String name : List.of("ra-all-options.hex", "na-unsolicited.hex", "udp6-hao.hex",
                "udp6-rh2.hex", "udp4.hex")) {
            packets.add(GoldenVectors.load(name).array());
        }
        packets.add(array(TestPackets.withHomeAddress(PacketDescriberTest.richBindingUpdate())));
        packets.add(array(TestPackets.udp4Tunnel(
                TestPackets.plain(PacketDescriberTest.richBindingUpdate()))));
        return packets;
    }

    private static byte[] array(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes;
    }

    private static void assertTotal(byte[] bytes) {
        try {
            Map<String, Object> tree = PacketDescriber.describe(ByteBuffer.wrap(bytes));
            JsonText.print(tree);
        } catch (MalformedPacketException expected) {
            // the only exception allowed
        }
    }

    @Property(tries = 2000)
    void randomBytesOnlyEverRaiseMalformedPacket(@ForAll @Size(max = 200) byte[] bytes) {
        assertTotal(bytes);
    }

    @Property(tries = 3000)
    void randomBytesWithAnIpVersionOnlyEverRaiseMalformedPacket(
            @ForAll("ipLike") byte[] bytes) {
        assertTotal(bytes);
    }

    @Property(tries = 5000)
    void mutatedPacketsOnlyEverRaiseMalformedPacket(@ForAll("mutated") byte[] bytes) {
        assertTotal(bytes);
    }

    @Provide
    Arbitrary<byte[]> ipLike() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                .flatMap(b -> Arbitraries.of(0x45, 0x60).map(first -> {
                    b[0] = (byte) (int) first;
                    return b;
                }));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        List<byte[]> packets = validPackets();
        return Arbitraries.integers().between(0, packets.size() - 1).flatMap(i -> {
            byte[] base = packets.get(i);
            return Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(4)
                    .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size())
                            .flatMap(values -> Arbitraries.integers().between(0, base.length)
                                    .map(cut -> {
                                        byte[] copy = base.clone();
                                        for (int k = 0; k < positions.size(); k++) {
                                            copy[positions.get(k)] = values.get(k);
                                        }
                                        return cut == base.length ? copy
                                                : java.util.Arrays.copyOf(copy, cut);
                                    })));
        });
    }
}
