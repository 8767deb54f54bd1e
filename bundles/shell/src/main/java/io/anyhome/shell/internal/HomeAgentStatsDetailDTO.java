package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** {@code ha:stats} for people: the home agent's counters, maps written out as {@code key=value} lists. */
public class HomeAgentStatsDetailDTO extends DTO {
    public long bindingUpdatesReceived;
    public long bindingUpdatesAccepted;
    /** {@code status=count, ...}, {@code -} if none was refused. */
    public String refusedByStatus;
    public long authenticationFailures;
    public long acksRateLimited;
    public long bindingsExpired;
    public long packetsToMobileNodes;
    public long packetsFromMobileNodes;
    /** {@code reason=count, ...} for the reasons with drops, {@code -} if none. */
    public String drops;
}
