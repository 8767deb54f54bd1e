package io.anyhome.packet.offload;

import static io.anyhome.packet.offload.TcpSegmentationTest.ACK;
import static io.anyhome.packet.offload.TcpSegmentationTest.PSH;
import static io.anyhome.packet.offload.TcpSegmentationTest.superPacket;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TcpCoalescerTest {
    private final TcpCoalescer coalescer = new TcpCoalescer(VirtioNetHeader.LENGTH);

    /** The segments the kernel would send for a super-packet, one buffer each. */
    static List<ByteBuffer> segments(ByteBuffer superPacket, int mss) throws Exception {
        ByteBuffer out = ByteBuffer.allocateDirect(superPacket.capacity() * 2 + 1000);
        int size = TcpSegmentation.segment(superPacket, 0, superPacket.capacity(), 40, mss, out);
        out.flip();
        List<ByteBuffer> list = new ArrayList<>();
        for (int at = 0; at < out.limit(); at += size) {
            int length = Math.min(size, out.limit() - at);
            ByteBuffer one = ByteBuffer.allocateDirect(length);
            one.put(0, out, at, length);
            list.add(one);
        }
        return list;
    }

    private static byte[] bytes(ByteBuffer b, int from) {
        byte[] out = new byte[b.limit() - from];
        b.get(from, out);
        return out;
    }

    @Property(tries = 100)
    void segmentsOfASuperPacketCoalesceBackIntoIt(@ForAll @IntRange(min = 1, max = 65_000) int payload,
            @ForAll @IntRange(min = 500, max = 9000) int mss, @ForAll long seed) throws Exception {
        ByteBuffer original = superPacket(payload, ACK | PSH, seed);
        List<ByteBuffer> segments = segments(original, mss);

        for (ByteBuffer s : segments) {
            assertThat(coalescer.add(s)).isTrue();
        }
        assertThat(coalescer.heldSegments()).isEqualTo(segments.size());
        ByteBuffer run = coalescer.finish();

        byte[] merged = bytes(run, VirtioNetHeader.LENGTH);
        byte[] expected = bytes(original.limit(original.capacity()), 0);
        if (segments.size() == 1) { // one packet stays as it arrived, its checksum complete
            assertThat(TcpSegmentationTest.tcpChecksumValid(run, VirtioNetHeader.LENGTH, merged.length)).isTrue();
            merged[56] = expected[56];
            merged[57] = expected[57];
        }
        assertThat(merged).as("the super-packet again, the pseudo-header sum in its checksum field").isEqualTo(expected);
        if (segments.size() > 1) {
            assertThat(VirtioNetHeader.gsoType(run, 0)).isEqualTo(VirtioNetHeader.GSO_TCPV6);
            assertThat(VirtioNetHeader.flags(run, 0)).isEqualTo(VirtioNetHeader.FLAG_NEEDS_CSUM);
            assertThat(VirtioNetHeader.gsoSize(run, 0)).isEqualTo(Math.min(mss, payload));
            assertThat(VirtioNetHeader.checksumStart(run, 0)).isEqualTo(40);
            assertThat(VirtioNetHeader.checksumOffset(run, 0)).isEqualTo(16);
        } else {
            assertThat(VirtioNetHeader.gsoType(run, 0)).isEqualTo(VirtioNetHeader.GSO_NONE);
        }
        assertThat(coalescer.isEmpty()).isTrue();
    }

    @Test
    void givenADamagedSegment_whenAdded_thenItIsNotMergedAndTheRunEndsBeforeIt() throws Exception {
        List<ByteBuffer> s = segments(superPacket(5000, ACK, 1), 1000);
        s.get(2).put(100, (byte) (s.get(2).get(100) ^ 1));

        assertThat(coalescer.add(s.get(0))).isTrue();
        assertThat(coalescer.add(s.get(1))).isTrue();
        assertThat(coalescer.add(s.get(2))).as("damaged").isFalse();
        assertThat(coalescer.finish().remaining()).isEqualTo(10 + 72 + 2000);
        assertThat(coalescer.add(s.get(2))).as("not even on its own").isFalse();
    }

    @Test
    void givenAGapOrAnotherFlow_whenAdded_thenTheRunDoesNotTakeIt() throws Exception {
        List<ByteBuffer> s = segments(superPacket(5000, ACK, 1), 1000);
        ByteBuffer otherFlow = segments(superPacket(5000, ACK, 1), 1000).get(1);
        otherFlow.putShort(40, (short) 5202);
        TcpSegmentation.completeChecksum(otherFlow, 0, otherFlow.limit(), 40, 16); // stays a valid packet
        otherFlow.putShort(56, (short) 0);
        TcpSegmentation.completeChecksum(otherFlow, 0, otherFlow.limit(), 40, 16);

        assertThat(coalescer.add(s.get(0))).isTrue();
        assertThat(coalescer.add(s.get(2))).as("a gap").isFalse();
        assertThat(coalescer.add(otherFlow)).as("another port").isFalse();
        assertThat(coalescer.add(s.get(1))).isTrue();
        assertThat(coalescer.heldSegments()).isEqualTo(2);
    }

    @Test
    void givenAPushedSegment_whenTheNextArrives_thenTheRunIsClosed() throws Exception {
        List<ByteBuffer> first = segments(superPacket(2000, ACK | PSH, 1), 1000);
        assertThat(coalescer.add(first.get(0))).isTrue();
        assertThat(coalescer.add(first.get(1))).isTrue();

        ByteBuffer next = first.get(1).duplicate();
        assertThat(coalescer.add(next)).isFalse();
    }

    @Test
    void givenAPacketThatIsNotTcp_whenAdded_thenItIsLeftToBeDeliveredAlone() {
        ByteBuffer udp = ByteBuffer.allocate(48);
        udp.putInt(0, 0x6000_0000).putShort(4, (short) 8).put(6, (byte) 17);

        assertThat(coalescer.add(udp)).isFalse();
        assertThat(coalescer.isEmpty()).isTrue();
    }
}
