package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.HandoverDTO;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last handovers the {@link PolicyEngine} made, oldest dropped first once the capacity is
 * reached. Thread-safe; {@link #newest(int)} returns copies, so callers (the shell, the switch that
 * later fills {@link HandoverDTO#triggerToTrafficMs}) never see the log change under them.
 */
public final class HandoverLog {
    private final int capacity;
    private final ArrayDeque<HandoverDTO> entries;

    /**
     * @param capacity how many handovers to keep, at least 1
     * @throws IllegalArgumentException if capacity is below 1
     */
    public HandoverLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("handover log capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** @return how many handovers the log keeps */
    public int capacity() {
        return capacity;
    }

    /**
     * Appends a handover, dropping the oldest one when the log is full.
     *
     * @param handover the handover; the log keeps a copy
     * @return the log's copy, for {@link #recordTraffic}
     */
    public synchronized HandoverDTO append(HandoverDTO handover) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        HandoverDTO stored = copy(handover);
        entries.addLast(stored);
        return stored;
    }

    /**
     * Records when the new uplink carried its first packet, once.
     *
     * @param stored what {@link #append} returned
     * @param millis milliseconds from the trigger to the first packet
     */
    public synchronized void recordTraffic(HandoverDTO stored, long millis) {
        if (stored.triggerToTrafficMs < 0) {
            stored.triggerToTrafficMs = millis;
        }
    }

    /**
     * @param limit the most handovers to return; 0 or less returns none
     * @return copies of the newest handovers, newest first
     */
    public synchronized List<HandoverDTO> newest(int limit) {
        List<HandoverDTO> out = new ArrayList<>(Math.max(0, Math.min(limit, entries.size())));
        Iterator<HandoverDTO> it = entries.descendingIterator();
        while (out.size() < limit && it.hasNext()) {
            out.add(copy(it.next()));
        }
        return out;
    }

    private static HandoverDTO copy(HandoverDTO h) {
        HandoverDTO c = new HandoverDTO();
        c.time = h.time;
        c.trigger = h.trigger;
        c.triggerTime = h.triggerTime;
        c.from = h.from;
        c.to = h.to;
        c.reason = h.reason;
        c.policy = h.policy;
        c.flowsMoved = h.flowsMoved;
        c.triggerToTrafficMs = h.triggerToTrafficMs;
        return c;
    }
}
