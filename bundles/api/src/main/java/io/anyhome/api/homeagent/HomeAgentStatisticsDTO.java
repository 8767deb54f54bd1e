package io.anyhome.api.homeagent;

import java.util.Map;
import org.osgi.dto.DTO;

/** The home agent's counters since start; returned by {@link HomeAgent#statistics()}. */
public class HomeAgentStatisticsDTO extends DTO {
    /** Binding Updates received. */
    public long bindingUpdatesReceived;
    /** Binding Updates accepted (status below 128). */
    public long bindingUpdatesAccepted;
    /** Binding Updates refused, by Binding Acknowledgement status (128 and up). */
    public Map<Integer, Long> bindingUpdatesRefusedByStatus;
    /** Binding Updates that failed authentication (RFC 4285): they changed nothing. */
    public long authenticationFailures;
    /** Binding Acknowledgements not sent because of rate limiting. */
    public long acksRateLimited;
    /** Bindings that expired without refresh. */
    public long bindingsExpired;
    /** Packets tunnelled to mobile nodes. */
    public long packetsToMobileNodes;
    /** Packets decapsulated from mobile nodes and forwarded. */
    public long packetsFromMobileNodes;
    /**
     * Dropped packets by reason (for example {@code malformed}, {@code wrong-care-of-address},
     * {@code wrong-inner-source}, {@code no-binding}).
     */
    public Map<String, Long> drops;
}
