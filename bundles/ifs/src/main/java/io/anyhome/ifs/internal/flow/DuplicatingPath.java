package io.anyhome.ifs.internal.flow;

import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import java.nio.ByteBuffer;

/**
 * Sends each packet over two paths: the flow's own and the one its decision duplicates it onto
 * (redundant policy). The receiver delivers the first copy ({@code DuplicateFilter}).
 */
final class DuplicatingPath implements Path {
    private final Path primary;
    private final Path copy;

    DuplicatingPath(Path primary, Path copy) {
        this.primary = primary;
        this.copy = copy;
    }

    @Override
    public String uplink() {
        return primary.uplink();
    }

    @Override
    public PathState state() {
        return primary.state();
    }

    @Override
    public boolean send(ByteBuffer packet) {
        int position = packet.position();
        int limit = packet.limit();
        boolean sent = primary.send(packet);
        packet.limit(limit).position(position);
        return copy.send(packet) || sent;
    }

    @Override
    public PathDTO describe() {
        return primary.describe();
    }
}
