package io.anyhome.api.mobility;

import java.util.Map;
import org.osgi.dto.DTO;

/**
 * Counters of the mobile node's signalling and probing since start, returned by
 * {@link MobilityService#statistics()}; shown by {@code mip:stats}.
 */
public class MobilityStatisticsDTO extends DTO {
    /** Binding Updates sent, retransmissions included. */
    public long bindingUpdatesSent;
    /** Binding Updates that were retransmissions. */
    public long bindingUpdatesRetransmitted;
    /** Binding Acknowledgements received, by status. */
    public Map<Integer, Long> bindingAcksByStatus;
    /** Binding Errors received. */
    public long bindingErrorsReceived;
    /** Binding Refresh Requests received. */
    public long bindingRefreshRequestsReceived;
    /** Path probes sent. */
    public long probesSent;
    /** Path probes that got no answer in time. */
    public long probesLost;
    /** Received packets dropped, by reason (for example {@code malformed}, {@code authentication}). */
    public Map<String, Long> drops;
}
