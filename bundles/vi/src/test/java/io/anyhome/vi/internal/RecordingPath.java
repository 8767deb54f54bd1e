package io.anyhome.vi.internal;

import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import java.nio.ByteBuffer;
import java.util.List;

/** A path that copies what it is given (as a real one must: the buffer is the loop's). */
final class RecordingPath implements Path {
    private final List<byte[]> carried;
    private final boolean accepts;

    RecordingPath(List<byte[]> carried, boolean accepts) {
        this.carried = carried;
        this.accepts = accepts;
    }

    @Override
    public String uplink() {
        return "eth0";
    }

    @Override
    public PathState state() {
        return PathState.values()[0];
    }

    @Override
    public synchronized boolean send(ByteBuffer packet) {
        if (!accepts) {
            return false;
        }
        byte[] copy = new byte[packet.remaining()];
        packet.duplicate().get(copy);
        carried.add(copy);
        return true;
    }

    @Override
    public PathDTO describe() {
        return new PathDTO();
    }
}
