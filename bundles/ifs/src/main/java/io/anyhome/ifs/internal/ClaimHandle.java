package io.anyhome.ifs.internal;

import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicState;
import java.util.Map;

/**
 * A granted claim: the {@link NicHandle} a driver reports through. Every report goes to the
 * {@link NicTable}, which ignores it once the handle is no longer the interface's current claim.
 */
final class ClaimHandle implements NicHandle {
    private final NicTable table;
    private final String interfaceName;
    private final int interfaceIndex;
    final DriverSlot owner;
    private volatile boolean valid = true;

    ClaimHandle(NicTable table, String interfaceName, int interfaceIndex, DriverSlot owner) {
        this.table = table;
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.owner = owner;
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public int interfaceIndex() {
        return interfaceIndex;
    }

    @Override
    public void reportState(NicState state, boolean carrier) {
        table.reportState(this, state, carrier);
    }

    @Override
    public void reportMetrics(Map<String, Double> metrics) {
        table.reportMetrics(this, metrics);
    }

    @Override
    public void removeMetric(String key) {
        table.removeMetric(this, key);
    }

    @Override
    public void reportInfo(Map<String, String> info) {
        table.reportInfo(this, info);
    }

    @Override
    public void reportFailure(String failure) {
        table.reportFailure(this, failure);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void close() {
        table.closeHandle(this);
    }

    void invalidate() {
        valid = false;
    }

    @Override
    public String toString() {
        return "claim of " + interfaceName + " by " + owner.name() + (valid ? "" : " (released)");
    }
}
