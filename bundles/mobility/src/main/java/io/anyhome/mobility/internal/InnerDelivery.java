package io.anyhome.mobility.internal;

import io.anyhome.api.path.DuplicateFilter;
import io.anyhome.api.vi.VirtualInterface;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Hands decapsulated packets for the home address to the virtual interface: through the
 * duplicate filter first when one is registered (redundant paths deliver each packet once),
 * counting {@code duplicate} and {@code no-virtual-interface} drops. Allocation-free; used from
 * every path's receive thread.
 */
final class InnerDelivery {
    private final Supplier<DuplicateFilter> filter;
    private final Supplier<VirtualInterface> vi;
    private final MobilityCounters counters;

    InnerDelivery(Supplier<DuplicateFilter> filter, Supplier<VirtualInterface> vi, MobilityCounters counters) {
        this.filter = filter;
        this.vi = vi;
        this.counters = counters;
    }

    /**
     * @param packet the inner packet, position..limit
     * @return true if the virtual interface took it
     */
    boolean deliver(ByteBuffer packet) {
        DuplicateFilter f = filter.get();
        if (f != null && !f.firstCopy(packet)) {
            counters.drop("duplicate");
            return false;
        }
        VirtualInterface v = vi.get();
        if (v == null) {
            counters.drop("no-virtual-interface");
            return false;
        }
        return v.deliverBatched(packet);
    }

    /** The receive is handled: what the virtual interface holds for merging goes to the kernel. */
    void flush() {
        VirtualInterface v = vi.get();
        if (v != null) {
            v.flushBatch();
        }
    }
}
