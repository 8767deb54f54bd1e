package io.anyhome.ifs.internal.flow;

import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/** A path that counts what it is given, for the switch tests. */
public final class CountingPath implements Path {
    private final String uplink;
    private volatile PathState state = PathState.UP;
    public final AtomicLong packets = new AtomicLong();

    public CountingPath(String uplink) {
        this.uplink = uplink;
    }

    public CountingPath state(PathState s) {
        state = s;
        return this;
    }

    @Override
    public String uplink() {
        return uplink;
    }

    @Override
    public PathState state() {
        return state;
    }

    @Override
    public boolean send(ByteBuffer packet) {
        packet.position(packet.limit());
        packets.incrementAndGet();
        return true;
    }

    @Override
    public PathDTO describe() {
        PathDTO d = new PathDTO();
        return d;
    }
}
