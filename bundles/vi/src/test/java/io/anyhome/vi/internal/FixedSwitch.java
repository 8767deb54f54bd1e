package io.anyhome.vi.internal;

import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.IfsStatusDTO;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.PolicyDTO;
import io.anyhome.api.path.Path;
import java.nio.ByteBuffer;
import java.util.List;

/** An interface switch that sends everything down one path. */
final class FixedSwitch implements InterfaceSwitch {
    private final Path path;

    FixedSwitch(Path path) {
        this.path = path;
    }

    @Override
    public Path pathFor(ByteBuffer packet) {
        return path;
    }

    @Override
    public IfsStatusDTO status() {
        return new IfsStatusDTO();
    }

    @Override
    public List<PolicyDTO> policies() {
        return List.of();
    }

    @Override
    public void selectPolicy(String name) {
    }

    @Override
    public List<FlowDTO> flows() {
        return List.of();
    }

    @Override
    public void pin(FlowRule rule, String uplink) {
    }

    @Override
    public void forbid(String uplink) {
    }

    @Override
    public void clear() {
    }

    @Override
    public List<HandoverDTO> handovers(int limit) {
        return List.of();
    }

    @Override
    public List<io.anyhome.api.ifs.AccessLinkDTO> accessLinks() {
        return List.of();
    }
}
