package io.anyhome.mobility.internal;

import io.anyhome.api.mobility.MobilityStatisticsDTO;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mobile node's signalling, probe and drop counters, shared by the machine and every path;
 * safe from any thread, allocation-free once a drop reason or status has been seen.
 */
final class MobilityCounters {
    private final LongAdder bindingUpdates = new LongAdder();
    private final LongAdder retransmissions = new LongAdder();
    private final LongAdder bindingErrors = new LongAdder();
    private final LongAdder refreshRequests = new LongAdder();
    private final LongAdder probesSent = new LongAdder();
    private final LongAdder probesLost = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> acks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> drops = new ConcurrentHashMap<>();

    void bindingUpdateSent() {
        bindingUpdates.increment();
    }

    void retransmitted() {
        retransmissions.increment();
    }

    void ack(int status) {
        acks.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void bindingError() {
        bindingErrors.increment();
    }

    void refreshRequest() {
        refreshRequests.increment();
    }

    void probeSent() {
        probesSent.increment();
    }

    void probeLost() {
        probesLost.increment();
    }

    /** @param reason why a received packet was dropped, e.g. {@code malformed} */
    void drop(String reason) {
        LongAdder a = drops.get(reason);
        if (a == null) {
            a = drops.computeIfAbsent(reason, r -> new LongAdder());
        }
        a.increment();
    }

    /** @return the drops for a reason */
    long drops(String reason) {
        LongAdder a = drops.get(reason);
        return a == null ? 0 : a.sum();
    }

    /** @return a snapshot */
    MobilityStatisticsDTO snapshot() {
        MobilityStatisticsDTO d = new MobilityStatisticsDTO();
        d.bindingUpdatesSent = bindingUpdates.sum();
        d.bindingUpdatesRetransmitted = retransmissions.sum();
        Map<Integer, Long> byStatus = new TreeMap<>();
        acks.forEach((k, v) -> byStatus.put(k, v.sum()));
        d.bindingAcksByStatus = byStatus;
        d.bindingErrorsReceived = bindingErrors.sum();
        d.bindingRefreshRequestsReceived = refreshRequests.sum();
        d.probesSent = probesSent.sum();
        d.probesLost = probesLost.sum();
        Map<String, Long> byReason = new TreeMap<>();
        drops.forEach((k, v) -> byReason.put(k, v.sum()));
        d.drops = byReason;
        return d;
    }
}
