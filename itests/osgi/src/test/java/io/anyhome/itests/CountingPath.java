package io.anyhome.itests;

import io.anyhome.api.path.Encapsulation;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in for mobility's path over one uplink, registered by a test: always UP, and
 * {@link #send} counts the packet and reports it sent. Packets of the test's flows (UDP from a
 * source port in {@code [firstPort, firstPort + ports)}) are counted apart from anything else
 * the node sends through home0.
 */
final class CountingPath implements Path {
    private static final int IPV6_HEADER = 40;
    private static final int UDP = 17;

    private final String uplink;
    private final int firstPort;
    private final int ports;
    private final LongAdder ours = new LongAdder();
    private final LongAdder others = new LongAdder();

    /**
     * @param uplink the uplink id
     * @param firstPort the first UDP source port of the test's flows
     * @param ports how many consecutive source ports the test uses
     */
    CountingPath(String uplink, int firstPort, int ports) {
        this.uplink = uplink;
        this.firstPort = firstPort;
        this.ports = ports;
    }

    /** @return packets of the test's flows sent over this path */
    long ours() {
        return ours.sum();
    }

    /** @return other packets sent over this path */
    long others() {
        return others.sum();
    }

    @Override
    public String uplink() {
        return uplink;
    }

    @Override
    public PathState state() {
        return PathState.UP;
    }

    @Override
    public boolean send(ByteBuffer packet) {
        int p = packet.position();
        boolean udp = packet.remaining() >= IPV6_HEADER + 8 && (packet.get(p + 6) & 0xff) == UDP;
        int sourcePort = udp ? packet.getShort(p + IPV6_HEADER) & 0xffff : -1;
        if (sourcePort >= firstPort && sourcePort < firstPort + ports) {
            ours.increment();
        } else {
            others.increment();
        }
        return true;
    }

    @Override
    public PathDTO describe() {
        PathDTO d = new PathDTO();
        d.uplink = uplink;
        d.state = PathState.UP;
        d.encapsulation = Encapsulation.IP6IP6;
        d.packetsSent = ours.sum() + others.sum();
        return d;
    }

    @Override
    public String toString() {
        return "counting path over " + uplink;
    }
}
