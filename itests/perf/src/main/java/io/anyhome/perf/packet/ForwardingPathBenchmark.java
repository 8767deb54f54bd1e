package io.anyhome.perf.packet;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.mh.MobilityHeader;
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
 * Per-packet cost of the forwarding path's flyweight views, which must allocate nothing (read
 * {@code gc.alloc.rate.norm} with {@code -prof gc}): wrapping an {@link Ipv6Header} and reading
 * next header and addresses, and {@link Ipv6HeaderChain#walk} over a packet with a Destination
 * Options header carrying a Home Address option, as every packet from a mobile node away from
 * home has.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardingPathBenchmark {
    private final Ipv6Header header = new Ipv6Header();
    private final Ipv6HeaderChain chain = new Ipv6HeaderChain();
    private final byte[] source = new byte[16];
    private final byte[] localAddress = SamplePackets.HOME_AGENT.clone();
    private ByteBuffer packet;

    /** Builds the packet once per trial and checks the views see it as expected. */
    @Setup
    public void setUp() throws MalformedPacketException {
        packet = SamplePackets.bindingUpdateFromCareOfAddress();
        chain.walk(packet, 0);
        if (chain.upperLayerProtocol() != MobilityHeader.NEXT_HEADER
                || chain.homeAddressOffset() < 0) {
            throw new IllegalStateException("sample packet has no Home Address option");
        }
    }

    /**
     * Wraps the IPv6 header and reads what a forwarding decision needs: next header, hop limit,
     * whether the destination is local, and the source address.
     *
     * @param blackhole sink for the fields read
     * @throws MalformedPacketException never: the sample is well formed
     */
    @Benchmark
    public void ipv6HeaderView(Blackhole blackhole) throws MalformedPacketException {
        packet.position(0);
        header.wrap(packet, 0);
        blackhole.consume(header.nextHeader());
        blackhole.consume(header.hopLimit());
        blackhole.consume(header.destinationEquals(localAddress));
        header.copySource(source, 0);
        blackhole.consume(source);
    }

    /**
     * Walks the extension header chain to the Mobility Header, finding the Home Address option.
     *
     * @param blackhole sink for what the walk found
     * @throws MalformedPacketException never: the sample is well formed
     */
    @Benchmark
    public void walkWithHomeAddressOption(Blackhole blackhole) throws MalformedPacketException {
        packet.position(0);
        chain.walk(packet, 0);
        blackhole.consume(chain.upperLayerProtocol());
        blackhole.consume(chain.upperLayerOffset());
        blackhole.consume(chain.homeAddressOffset());
    }
}
