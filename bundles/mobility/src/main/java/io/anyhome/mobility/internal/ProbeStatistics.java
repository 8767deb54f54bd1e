package io.anyhome.mobility.internal;

/**
 * What a path's Heartbeat probes measured: smoothed round-trip time and its variation (jitter)
 * as TCP does (RFC 6298: gains 1/8 and 1/4, seeded by the first sample), the fraction of the last
 * 32 probes that got no answer before the next probe was due, and the number of consecutive
 * probe intervals with neither an answer nor any other packet from the home agent. Not
 * thread-safe: its {@link TunnelPath} guards it.
 */
final class ProbeStatistics {
    static final int WINDOW = 32;

    private long lastSequence = -1;
    private long lastSentNanos;
    private boolean lastAnswered = true;
    private int window;
    private int windowCount;
    private int consecutiveMisses;
    private double srttMs = -1;
    private double rttvarMs = -1;
    private long lost;

    /**
     * The probe interval ended: the last probe is resolved (answered or lost) before the next is
     * sent.
     *
     * @param heardSinceLastTick true if any packet from the home agent arrived since the last tick
     *     (traffic counts as liveness)
     * @return true if the last probe was lost
     */
    boolean tick(boolean heardSinceLastTick) {
        boolean lostNow = lastSequence >= 0 && !lastAnswered;
        if (lostNow) {
            record(false);
            lost++;
            consecutiveMisses = heardSinceLastTick ? 0 : consecutiveMisses + 1;
        } else if (heardSinceLastTick) {
            consecutiveMisses = 0;
        }
        return lostNow;
    }

    /**
     * @param sequence the probe sent now
     * @param nanos when
     */
    void sent(long sequence, long nanos) {
        lastSequence = sequence;
        lastSentNanos = nanos;
        lastAnswered = false;
    }

    /**
     * @param sequence the sequence of a Heartbeat response
     * @param nanos when it arrived
     * @return true if it answers the outstanding probe (late and duplicate answers do not count)
     */
    boolean answered(long sequence, long nanos) {
        if (sequence != lastSequence || lastAnswered) {
            return false;
        }
        lastAnswered = true;
        record(true);
        consecutiveMisses = 0;
        double sample = (nanos - lastSentNanos) / 1e6;
        if (srttMs < 0) {
            srttMs = sample;
            rttvarMs = sample / 2;
        } else {
            rttvarMs = 0.75 * rttvarMs + 0.25 * Math.abs(srttMs - sample);
            srttMs = 0.875 * srttMs + 0.125 * sample;
        }
        return true;
    }

    private void record(boolean answered) {
        window = (window << 1) | (answered ? 0 : 1);
        if (windowCount < WINDOW) {
            windowCount++;
        }
    }

    /** @return consecutive probe intervals without any sign of life */
    int consecutiveMisses() {
        return consecutiveMisses;
    }

    /** @return the smoothed RTT in milliseconds, -1 before the first answer */
    double rttMs() {
        return srttMs;
    }

    /** @return the RTT variation in milliseconds, -1 before the first answer */
    double jitterMs() {
        return rttvarMs;
    }

    /** @return the lost fraction of the last (up to) 32 resolved probes, -1 before any */
    double lossRatio() {
        if (windowCount == 0) {
            return -1;
        }
        int mask = windowCount == WINDOW ? -1 : (1 << windowCount) - 1;
        return Integer.bitCount(window & mask) / (double) windowCount;
    }

    /** @return probes lost since start */
    long lost() {
        return lost;
    }
}
