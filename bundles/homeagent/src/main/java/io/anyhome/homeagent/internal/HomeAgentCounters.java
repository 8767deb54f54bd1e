package io.anyhome.homeagent.internal;

import io.anyhome.api.homeagent.HomeAgentStatisticsDTO;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The home agent's counters: Binding Updates by outcome, packets through the tunnels, drops by
 * reason. Counting allocates nothing (one {@link LongAdder} per counter, statuses and drop reasons
 * by index), so the data path can count every packet. Snapshot as {@link HomeAgentStatisticsDTO}.
 */
public final class HomeAgentCounters {
    /** The packet was not a whole IPv6 packet, or a Mobility Header did not decode or check. */
    public static final int MALFORMED = 0;
    /** No binding for the inner source (from a mobile node). */
    public static final int NO_BINDING = 1;
    /** The outer source is not the address and port recorded at registration. */
    public static final int WRONG_CARE_OF_ADDRESS = 2;
    /** A packet from the TUN for an address without binding. */
    public static final int NO_BINDING_FOR_DESTINATION = 3;
    /** The TUN device or the socket refused the packet. */
    public static final int DEVICE = 4;
    /** A Mobility Header message the home agent does not take (a BA, a BE, ...). */
    public static final int UNEXPECTED_MOBILITY_MESSAGE = 5;
    /** The inner packet was not for the home agent's address though it was signalling. */
    public static final int WRONG_INNER_DESTINATION = 6;
    /** A Mobility Header of a type the home agent does not know (answered with Binding Error status 2). */
    public static final int UNRECOGNIZED_MOBILITY_TYPE = 7;
    /** A Binding Update on the home link that was not a deregistration (only returning home is signalled there). */
    public static final int HOME_LINK_REGISTRATION = 8;
    private static final List<String> REASONS = List.of("malformed", "no-binding", "wrong-care-of-address",
            "no-binding-for-destination", "device", "unexpected-mobility-message", "wrong-inner-destination",
            "unrecognized-mobility-type", "home-link-registration");

    private final LongAdder received = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder[] refused = new LongAdder[256];
    private final LongAdder authenticationFailures = new LongAdder();
    private final LongAdder acksRateLimited = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder toMobileNodes = new LongAdder();
    private final LongAdder fromMobileNodes = new LongAdder();
    private final LongAdder[] drops = new LongAdder[REASONS.size()];

    /** Creates zeroed counters. */
    public HomeAgentCounters() {
        for (int i = 0; i < refused.length; i++) {
            refused[i] = new LongAdder();
        }
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    void bindingUpdateReceived() {
        received.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void refused(int status) {
        refused[status].increment();
    }

    void authenticationFailure() {
        authenticationFailures.increment();
    }

    void rateLimited() {
        acksRateLimited.increment();
    }

    void expired(int n) {
        expired.add(n);
    }

    /** @param packets packets from the TUN sent to a mobile node in one call */
    public void toMobileNodes(int packets) {
        toMobileNodes.add(packets);
    }

    /** @param packets packets from a mobile node written to the TUN (several at once when merged) */
    public void fromMobileNodes(int packets) {
        fromMobileNodes.add(packets);
    }

    /**
     * @param reason one of the constants
     */
    public void dropped(int reason) {
        drops[reason].increment();
    }

    /**
     * @param reason one of the constants
     * @return how many were dropped for it
     */
    public long drops(int reason) {
        return drops[reason].sum();
    }

    /**
     * @param status a Binding Acknowledgement status
     * @return how many Binding Updates were refused with it
     */
    public long refusals(int status) {
        return refused[status].sum();
    }

    /** @return a snapshot */
    public HomeAgentStatisticsDTO toDTO() {
        HomeAgentStatisticsDTO dto = new HomeAgentStatisticsDTO();
        dto.bindingUpdatesReceived = received.sum();
        dto.bindingUpdatesAccepted = accepted.sum();
        Map<Integer, Long> byStatus = new TreeMap<>();
        for (int i = 0; i < refused.length; i++) {
            long n = refused[i].sum();
            if (n > 0) {
                byStatus.put(i, n);
            }
        }
        dto.bindingUpdatesRefusedByStatus = byStatus;
        dto.authenticationFailures = authenticationFailures.sum();
        dto.acksRateLimited = acksRateLimited.sum();
        dto.bindingsExpired = expired.sum();
        dto.packetsToMobileNodes = toMobileNodes.sum();
        dto.packetsFromMobileNodes = fromMobileNodes.sum();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (int i = 0; i < drops.length; i++) {
            byReason.put(REASONS.get(i), drops[i].sum());
        }
        dto.drops = byReason;
        return dto;
    }
}
