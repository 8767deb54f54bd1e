package io.anyhome.packet.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.MalformedPacketException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TcpSegmentationTest {
    static final int ACK = 0x10;
    static final int PSH = 0x08;
    static final int FIN = 0x01;
    static final int CWR = 0x80;

    /**
     * A TCP-over-IPv6 super-packet as a TUN device hands it over: a 32-byte TCP header (with a
     * timestamp option), the payload, and in the checksum field the pseudo-header sum only.
     */
    static ByteBuffer superPacket(int payload, int flags, long seed) {
        int tcpHeader = 32;
        ByteBuffer b = ByteBuffer.allocateDirect(40 + tcpHeader + payload);
        b.putInt(0, 0x6000_0000);
        b.putShort(4, (short) (tcpHeader + payload));
        b.put(6, (byte) 6);
        b.put(7, (byte) 64);
        byte[] src = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0x0e, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
        byte[] dst = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10};
        b.put(8, src).put(24, dst);
        int t = 40;
        b.putShort(t, (short) 5201).putShort(t + 2, (short) 40000).putInt(t + 4, 0xfffff000) // wraps
                .putInt(t + 8, 77).put(t + 12, (byte) ((tcpHeader / 4) << 4)).put(t + 13, (byte) flags)
                .putShort(t + 14, (short) 512);
        b.put(t + 20, (byte) 1).put(t + 21, (byte) 1).put(t + 22, (byte) 8).put(t + 23, (byte) 10)
                .putInt(t + 24, 123456).putInt(t + 28, 654321);
        Random r = new Random(seed);
        for (int i = 0; i < payload; i++) {
            b.put(40 + tcpHeader + i, (byte) r.nextInt());
        }
        long pseudo = InternetChecksum.add(0, b, 8, 32) + tcpHeader + payload + 6;
        while ((pseudo >>> 16) != 0) {
            pseudo = (pseudo & 0xffff) + (pseudo >>> 16);
        }
        b.putShort(t + 16, (short) pseudo);
        return b;
    }

    /** The checksum check a receiver does, 16 bits at a time, independent of InternetChecksum. */
    static boolean tcpChecksumValid(ByteBuffer b, int at, int length) {
        int tcpLength = (b.getShort(at + 4) & 0xffff);
        long sum = 0;
        for (int i = 8; i < 40; i += 2) {
            sum += b.getShort(at + i) & 0xffff;
        }
        sum += tcpLength + 6;
        for (int i = 40; i < length; i += 2) {
            sum += i + 1 < length ? b.getShort(at + i) & 0xffff : (b.get(at + i) & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff;
    }

    @Test
    void givenA64KiBSuperPacket_whenSegmented_thenEverySegmentIsAValidTcpPacketInOrder() throws Exception {
        ByteBuffer in = superPacket(65_000, ACK | PSH | FIN | CWR, 1);
        ByteBuffer out = ByteBuffer.allocateDirect(256 * 1024);

        int size = TcpSegmentation.segment(in, 0, in.capacity(), 40, 1388, out);

        out.flip();
        assertThat(size).isEqualTo(40 + 32 + 1388);
        int count = (65_000 + 1387) / 1388;
        assertThat(out.remaining()).isEqualTo(count * 72 + 65_000);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (int i = 0, at = 0; i < count; i++) {
            int length = Math.min(size, out.limit() - at);
            assertThat(40 + (out.getShort(at + 4) & 0xffff)).as("segment %d length", i).isEqualTo(length);
            assertThat(out.getInt(at + 44)).as("sequence").isEqualTo(0xfffff000 + i * 1388);
            int flags = out.get(at + 53) & 0xff;
            assertThat(flags & ACK).isEqualTo(ACK);
            assertThat(flags & (PSH | FIN)).as("PSH and FIN on the last only").isEqualTo(i == count - 1 ? PSH | FIN : 0);
            assertThat(flags & CWR).as("CWR on the first only").isEqualTo(i == 0 ? CWR : 0);
            assertThat(out.getInt(at + 64)).as("timestamp option copied").isEqualTo(123456);
            assertThat(tcpChecksumValid(out, at, length)).as("checksum of segment %d", i).isTrue();
            byte[] part = new byte[length - 72];
            out.get(at + 72, part);
            payload.writeBytes(part);
            at += length;
        }
        byte[] original = new byte[65_000];
        in.get(72, original);
        assertThat(payload.toByteArray()).isEqualTo(original);
    }

    @Property(tries = 200)
    void anySuperPacketReassemblesToItsPayloadWithValidChecksums(@ForAll @IntRange(min = 0, max = 20_000) int payload,
            @ForAll @IntRange(min = 1, max = 9000) int mss, @ForAll long seed) throws Exception {
        ByteBuffer in = superPacket(payload, ACK | PSH, seed);
        ByteBuffer out = ByteBuffer.allocateDirect(payload + 72 * (payload / mss + 2));
        int size = TcpSegmentation.segment(in, 0, in.capacity(), 40, mss, out);
        out.flip();
        int total = 0;
        for (int at = 0; at < out.limit(); ) {
            int length = Math.min(size, out.limit() - at);
            assertThat(tcpChecksumValid(out, at, length)).isTrue();
            for (int i = 72; i < length; i++) {
                assertThat(out.get(at + i)).isEqualTo(in.get(72 + total + i - 72));
            }
            total += length - 72;
            at += length;
        }
        assertThat(total).isEqualTo(payload);
    }

    @Test
    void givenAPartialChecksum_whenCompleted_thenTheReceiverAcceptsThePacket() throws Exception {
        ByteBuffer b = superPacket(1001, ACK, 7);

        TcpSegmentation.completeChecksum(b, 0, b.capacity(), 40, 16);

        assertThat(tcpChecksumValid(b, 0, b.capacity())).isTrue();
    }

    @Test
    void givenSegmentsThatDoNotFit_whenSegmented_thenRefusedWithoutWritingPastTheBuffer() {
        ByteBuffer in = superPacket(10_000, ACK, 3);
        ByteBuffer out = ByteBuffer.allocateDirect(10_000);

        assertThatThrownBy(() -> TcpSegmentation.segment(in, 0, in.capacity(), 40, 1000, out))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("do not fit");
        assertThat(out.position()).isZero();
    }

    @Test
    void givenATcpHeaderLengthBeyondThePacket_whenSegmented_thenRefused() {
        ByteBuffer in = superPacket(0, ACK, 3);
        in.put(52, (byte) 0xf0);

        assertThatThrownBy(() -> TcpSegmentation.segment(in, 0, in.capacity(), 40, 1000,
                ByteBuffer.allocateDirect(1000))).isInstanceOf(MalformedPacketException.class);
    }

    @Property(tries = 300)
    void theWideChecksumSumsLikeSixteenBitWords(@ForAll byte[] bytes, @ForAll @IntRange(min = 0, max = 7) int skew) {
        ByteBuffer big = ByteBuffer.allocate(bytes.length + 8);
        big.put(skew, bytes);
        long words = 5;
        for (int i = 0; i < bytes.length; i += 2) {
            words += ((bytes[i] & 0xff) << 8) | (i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0);
        }
        assertThat(InternetChecksum.finish(InternetChecksum.add(5, big, skew, bytes.length)))
                .isEqualTo(InternetChecksum.finish(words));
    }
}
