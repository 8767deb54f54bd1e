package io.anyhome.policy.redundant.internal;

import io.anyhome.api.path.DuplicateFilter;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The receive-side duplicate filter: remembers each delivered inner packet by its
 * {@link PacketHash} and the time it was seen, and reports a packet whose hash was seen less than
 * the window ago as a copy. Plain Java; {@link DuplicateFilterComponent} registers it.
 *
 * <p>The table is fixed: {@code capacity} (rounded up to a power of two, at least 8) slots of
 * (hash, milliseconds) in buckets of 8, a packet's bucket chosen by its hash. A new packet takes
 * an empty slot of its bucket, or else the one with the oldest time (an expired entry is always
 * older than a live one). So when the table is full the oldest entry of the bucket gives way;
 * under uneven load a bucket may overflow before the whole table does, which only makes the
 * filter forget a packet early and let its late copy through.
 *
 * <p>Allocation-free and lock-free: the slots are {@link AtomicLongArray}s, written time first,
 * then hash. <b>Guarantee:</b> a packet is suppressed only if the table holds its hash, and only a
 * call that delivers (returns true) writes a hash, so a suppressed packet always has a copy with
 * the same hash that was delivered, before or at the same moment. The first copy of a packet is
 * never dropped, except by a 64-bit hash collision with a packet delivered within the window
 * (about capacity / 2^64 per packet). What races may cost is precision the other way: two copies
 * arriving at the same instant on two threads may both be delivered, two threads taking the same
 * slot may overwrite each other so that a later copy of the overwritten packet is delivered, and a
 * copy that overlaps a concurrent write of its slot may be judged against that write's newer time.
 * An application that resends byte-identical packets within the window sees the resend treated as
 * a copy; keep the window short (a little over the delay difference of the paths).
 */
final class WindowedDuplicateFilter implements DuplicateFilter {
    static final int WAYS = 8;

    private final AtomicLongArray hashes;
    private final AtomicLongArray times;
    private final int bucketMask;
    private final long windowMs;
    private final LongSupplier clockMs;
    private final LongAdder suppressed = new LongAdder();

    /**
     * @param windowMs how long a packet is remembered, milliseconds, at least 1
     * @param capacity how many packets the table holds at most, at least 1 (rounded up to a power
     *        of two, at least {@link #WAYS})
     * @param clockMs a monotonic clock in milliseconds
     */
    WindowedDuplicateFilter(long windowMs, int capacity, LongSupplier clockMs) {
        if (windowMs < 1) {
            throw new IllegalArgumentException("windowMs " + windowMs + " is below 1");
        }
        if (capacity < 1 || capacity > DedupSettings.MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " is outside 1.." + DedupSettings.MAX_CAPACITY);
        }
        int slots = Math.max(WAYS, Integer.highestOneBit(capacity - 1) << 1);
        this.hashes = new AtomicLongArray(slots);
        this.times = new AtomicLongArray(slots);
        this.bucketMask = slots / WAYS - 1;
        this.windowMs = windowMs;
        this.clockMs = clockMs;
    }

    /** @return the number of slots: the configured capacity rounded up */
    int slots() {
        return hashes.length();
    }

    @Override
    public boolean firstCopy(ByteBuffer innerPacket) {
        long hash = PacketHash.of(innerPacket);
        if (hash == PacketHash.UNIDENTIFIED) {
            return true;
        }
        long now = clockMs.getAsLong();
        int base = (int) ((hash ^ (hash >>> 32)) & bucketMask) * WAYS;
        int victim = base;
        long victimTime = Long.MAX_VALUE;
        for (int i = base; i < base + WAYS; i++) {
            long h = hashes.get(i);
            if (h == hash) {
                if (now - times.get(i) < windowMs) {
                    suppressed.increment();
                    return false;
                }
                victim = i; // seen before the window: take its slot again
                break;
            }
            long t = h == PacketHash.UNIDENTIFIED ? Long.MIN_VALUE : times.get(i);
            if (t < victimTime) {
                victim = i;
                victimTime = t;
            }
        }
        times.set(victim, now);
        hashes.set(victim, hash);
        return true;
    }

    @Override
    public long duplicatesSuppressed() {
        return suppressed.sum();
    }

    @Override
    public String toString() {
        return "duplicate filter (window " + windowMs + " ms, " + slots() + " slots, "
                + duplicatesSuppressed() + " copies suppressed)";
    }
}
