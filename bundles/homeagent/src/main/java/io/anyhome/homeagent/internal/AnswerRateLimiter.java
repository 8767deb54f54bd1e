package io.anyhome.homeagent.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits the answers the home agent sends to refused Binding Updates and the Binding Errors it
 * sends for unknown nodes: at most {@code perSecond} per source address in each one-second
 * window, so the home agent is no reflector. Forgets every source when a window ends, and caps
 * the sources tracked in one window (answers beyond the cap are refused). Thread-safe.
 */
final class AnswerRateLimiter {
    private static final int MAX_SOURCES = 65_536;

    private final int perSecond;
    private final Map<InetAddress, int[]> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;

    AnswerRateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /**
     * @param source the outer source the answer would go to
     * @param now the time, epoch milliseconds
     * @return true if an answer may be sent now
     */
    synchronized boolean allow(InetAddress source, long now) {
        long w = Math.floorDiv(now, 1000);
        if (w != window) {
            window = w;
            counts.clear();
        }
        int[] n = counts.get(source);
        if (n == null) {
            if (counts.size() >= MAX_SOURCES) {
                return false;
            }
            n = new int[1];
            counts.put(source, n);
        }
        if (n[0] >= perSecond) {
            return false;
        }
        n[0]++;
        return true;
    }
}
