package io.anyhome.ifs.internal.flow;

import java.util.function.LongConsumer;

/**
 * A handover waiting for its first packet over the new uplink: the data path calls
 * {@link #traffic(long)} once a packet is handed to that uplink's path, which records the time
 * from the trigger to the new path carrying traffic in the handover log.
 */
public final class HandoverMark {
    final String uplink;
    private final long triggerTime;
    private final LongConsumer record;
    private volatile boolean done;

    /**
     * @param uplink the uplink traffic moved to
     * @param triggerTime when the trigger was seen, epoch milliseconds
     * @param record told the milliseconds from the trigger to the first packet, once
     */
    public HandoverMark(String uplink, long triggerTime, LongConsumer record) {
        this.uplink = uplink;
        this.triggerTime = triggerTime;
        this.record = record;
    }

    boolean isDone() {
        return done;
    }

    void traffic(long now) {
        if (!done) {
            done = true;
            record.accept(Math.max(0, now - triggerTime));
        }
    }
}
