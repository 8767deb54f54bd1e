package io.anyhome.ifs.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A driver that claims every offered interface its predicate accepts and remembers what happened. */
final class TestDriver implements NicDriver {
    private final String name;
    private final Technology technology;
    private final Predicate<NicCandidate> wants;
    NicRegistry registry;
    final Map<String, NicHandle> handles = new LinkedHashMap<>();
    final List<String> offeredNames = new ArrayList<>();
    final List<String> releases = new ArrayList<>();

    TestDriver(String name, Technology technology, Predicate<NicCandidate> wants) {
        this.name = name;
        this.technology = technology;
        this.wants = wants;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Technology technology() {
        return technology;
    }

    @Override
    public void offered(NicCandidate candidate) {
        offeredNames.add(candidate.name());
        if (wants.test(candidate)) {
            try {
                handles.put(candidate.name(), registry.claim(this, candidate.name()));
            } catch (NicClaimException e) {
                releases.add("refused " + candidate.name() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        handles.remove(handle.interfaceName());
        releases.add(handle.interfaceName() + ": " + reason);
    }
}
