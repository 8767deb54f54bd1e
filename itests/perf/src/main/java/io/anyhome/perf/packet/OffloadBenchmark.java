package io.anyhome.perf.packet;

import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.offload.TcpCoalescer;
import io.anyhome.packet.offload.TcpSegmentation;
import io.anyhome.packet.offload.VirtioNetHeader;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the user-space offloads on one 64 KiB TCP super-packet (MSS 1392, the segment size
 * behind a 1452-byte {@code home0}): cutting it into 47 checksummed segments, as the virtual
 * interface and the home agent do after one TUN read, and merging the 47 segments of one
 * coalesced UDP receive back into one super-packet for a TUN write, checksums verified. Both
 * must allocate nothing ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OffloadBenchmark {
    private static final int MSS = 1392;
    private static final int PAYLOAD = 65_535 - 40 - 32;
    private final ByteBuffer superPacket = ByteBuffer.allocateDirect(40 + 32 + PAYLOAD);
    private final ByteBuffer segments = ByteBuffer.allocateDirect(128 * 1024);
    private final TcpCoalescer coalescer = new TcpCoalescer(VirtioNetHeader.LENGTH);
    private int segmentSize;

    /** Builds the super-packet (IPv6, TCP with timestamps, random payload) and its segments once. */
    @Setup
    public void setUp() throws MalformedPacketException {
        ByteBuffer b = superPacket;
        b.putInt(0, 0x6000_0000).putShort(4, (short) (32 + PAYLOAD)).put(6, (byte) 6).put(7, (byte) 64);
        b.put(8, SamplePackets.HOME_AGENT).put(24, SamplePackets.HOME_AGENT);
        b.put(39, (byte) 0x10);
        b.putShort(40, (short) 5201).putShort(42, (short) 40000).putInt(44, 1).putInt(48, 1)
                .put(52, (byte) 0x80).put(53, (byte) 0x10).putShort(54, (short) 512);
        b.put(60, (byte) 1).put(61, (byte) 1).put(62, (byte) 8).put(63, (byte) 10);
        Random r = new Random(1);
        for (int i = 72; i < b.capacity(); i++) {
            b.put(i, (byte) r.nextInt());
        }
        segmentSize = cut();
        if (merge() != PAYLOAD + 72 + VirtioNetHeader.LENGTH) {
            throw new IllegalStateException("the segments did not merge back into the super-packet");
        }
    }

    /**
     * Cuts the super-packet into MSS-sized packets with their TCP checksums.
     *
     * @return the segment size
     * @throws MalformedPacketException never: the sample is well formed
     */
    @Benchmark
    public int cut() throws MalformedPacketException {
        segments.clear();
        int size = TcpSegmentation.segment(superPacket, 0, superPacket.capacity(), 40, MSS, segments);
        segments.flip();
        return size;
    }

    /**
     * Merges the segments (checksums verified) into one super-packet behind a virtio-net header.
     *
     * @return the merged length
     */
    @Benchmark
    public int merge() {
        int end = segments.limit();
        for (int at = 0; at < end; at += segmentSize) {
            segments.limit(Math.min(end, at + segmentSize)).position(at);
            if (!coalescer.add(segments)) {
                throw new IllegalStateException("segment at " + at + " did not merge");
            }
        }
        segments.limit(end).position(0);
        return coalescer.finish().remaining();
    }

    /**
     * The Internet checksum over the whole super-packet (the summing both of the above repeat).
     *
     * @return the checksum
     */
    @Benchmark
    public int checksum64KiB() {
        return InternetChecksum.finish(InternetChecksum.add(0, superPacket, 0, superPacket.capacity()));
    }
}
