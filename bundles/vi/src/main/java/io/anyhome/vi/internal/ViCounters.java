package io.anyhome.vi.internal;

import io.anyhome.api.vi.ViCountersDTO;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Packet and byte counters of the virtual interface, and drops by reason. Counting allocates
 * nothing: one {@link LongAdder} per counter, drop reasons by index into a fixed list.
 */
final class ViCounters {
    static final int NO_PATH = 0;
    static final int PATH_SEND = 1;
    static final int MALFORMED = 2;
    static final int WRONG_SOURCE = 3;
    static final int TOO_BIG = 4;
    static final int DEVICE = 5;
    private static final List<String> REASONS = List.of(ViCountersDTO.DROP_NO_PATH,
            ViCountersDTO.DROP_PATH_SEND, ViCountersDTO.DROP_MALFORMED,
            ViCountersDTO.DROP_WRONG_SOURCE, ViCountersDTO.DROP_TOO_BIG, ViCountersDTO.DROP_DEVICE);

    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder[] drops = new LongAdder[REASONS.size()];

    ViCounters() {
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    /** Packets read from the VI left by a path. */
    void sent(int packets, long bytes) {
        packetsOut.add(packets);
        bytesOut.add(bytes);
    }

    /** Packets from a path were written to the VI (several at once when merged). */
    void delivered(int packets, int bytes) {
        packetsIn.add(packets);
        bytesIn.add(bytes);
    }

    /** A packet was dropped for this reason (one of the constants). */
    void dropped(int reason) {
        drops[reason].increment();
    }

    long drops(int reason) {
        return drops[reason].sum();
    }

    ViCountersDTO toDTO() {
        ViCountersDTO dto = new ViCountersDTO();
        dto.packetsOut = packetsOut.sum();
        dto.bytesOut = bytesOut.sum();
        dto.packetsIn = packetsIn.sum();
        dto.bytesIn = bytesIn.sum();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (int i = 0; i < drops.length; i++) {
            byReason.put(REASONS.get(i), drops[i].sum());
        }
        dto.drops = byReason;
        return dto;
    }
}
