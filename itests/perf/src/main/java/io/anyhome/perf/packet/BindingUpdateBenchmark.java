package io.anyhome.perf.packet;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobilityHeader;
import java.net.Inet6Address;
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
 * Cost of the Binding Update a home agent receives and a mobile node sends at every handover:
 * {@link MobilityHeader#decode} after {@link MobilityHeader#checksumValid}, and
 * {@link MobilityHeader#encode} with the checksum, of a Binding Update carrying Alternate
 * Care-of Address, Mobile Node Identifier (NAI), Replay Protection, Binding Identifier and
 * Mobility Message Authentication options (112 bytes on the wire). The HMAC itself is not timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindingUpdateBenchmark {
    private BindingUpdate message;
    private ByteBuffer received;
    private ByteBuffer out;
    private Inet6Address checksumSource;
    private Inet6Address checksumDestination;

    /** Builds the signed Binding Update and its encoded form once per trial. */
    @Setup
    public void setUp() throws MalformedPacketException {
        message = SamplePackets.bindingUpdate();
        received = SamplePackets.encoded(message);
        out = ByteBuffer.allocateDirect(received.limit());
        // the pseudo-header of a BU sent from a care-of address starts at the home address
        checksumSource = SamplePackets.inet6(SamplePackets.HOME_ADDRESS);
        checksumDestination = SamplePackets.inet6(SamplePackets.HOME_AGENT);
        if (!MobilityHeader.checksumValid(received, 0, checksumSource, checksumDestination)
                || !message.equals(MobilityHeader.decode(received, 0))) {
            throw new IllegalStateException("sample Binding Update does not round-trip");
        }
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
        blackhole.consume(
                MobilityHeader.checksumValid(received, 0, checksumSource, checksumDestination));
        blackhole.consume(MobilityHeader.decode(received));
    }

    /**
     * Encodes the message, padding and checksum included, into a reused buffer.
     *
     * @param blackhole sink for the result
     */
    @Benchmark
    public void encode(Blackhole blackhole) {
        out.clear();
        blackhole.consume(
                MobilityHeader.encode(message, out, checksumSource, checksumDestination));
        blackhole.consume(out);
    }
}
