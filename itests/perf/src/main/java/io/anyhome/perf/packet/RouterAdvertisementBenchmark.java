package io.anyhome.perf.packet;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.UpperLayerChecksum;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the Router Advertisement that movement detection reads on every link and a home agent
 * sends: checksum check plus {@link Icmpv6#decode}, and {@link Icmpv6#encode} with the checksum,
 * of an RA with Source Link-Layer Address, Prefix Information, MTU, Advertisement Interval and
 * Home Agent Information options (80 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterAdvertisementBenchmark {
    private static final int ICMPV6 = IpProtocol.ICMPV6.number();

    private RouterAdvertisement message;
    private ByteBuffer received;
    private ByteBuffer out;

    /** Builds the Router Advertisement and its encoded form once per trial. */
    @Setup
    public void setUp() throws MalformedPacketException {
        message = SamplePackets.routerAdvertisement();
        received = SamplePackets.encoded(message);
        out = ByteBuffer.allocateDirect(received.limit());
        if (checksum(received) != 0
                || !message.equals(Icmpv6.decode(received, 0, received.limit()))) {
            throw new IllegalStateException("sample Router Advertisement does not round-trip");
        }
    }

    private static int checksum(ByteBuffer buffer) {
        return UpperLayerChecksum.ipv6(buffer, 0, buffer.limit(), SamplePackets.ROUTER_LINK_LOCAL,
                SamplePackets.ALL_NODES, ICMPV6);
    }

    /**
     * Verifies the checksum and decodes the message with all its options.
     *
     * @param blackhole sink for the result
     * @throws MalformedPacketException never: the sample is well formed
     */
    @Benchmark
    public void decode(Blackhole blackhole) throws MalformedPacketException {
        received.position(0);
        blackhole.consume(checksum(received) == 0);
        blackhole.consume(Icmpv6.decode(received, 0, received.limit()));
    }

    /**
     * Encodes the message and its options, checksum included, into a reused buffer.
     *
     * @param blackhole sink for the result
     */
    @Benchmark
    public void encode(Blackhole blackhole) {
        out.clear();
        blackhole.consume(Icmpv6.encode(out, message, SamplePackets.ROUTER_LINK_LOCAL,
                SamplePackets.ALL_NODES));
        blackhole.consume(out);
    }
}
