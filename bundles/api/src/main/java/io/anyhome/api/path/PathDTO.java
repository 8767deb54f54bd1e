package io.anyhome.api.path;

import org.osgi.dto.DTO;

/**
 * A snapshot of one {@link Path}: its endpoints, state, probe measurements and counters. Returned
 * by {@link Path#describe()}; shown by {@code mip:paths} and {@code ifs:status}.
 */
public class PathDTO extends DTO {
    /** The uplink id (interface name). */
    public String uplink;
    /** The care-of address the tunnel leaves from (RFC 5952), null at home. */
    public String careOfAddress;
    /** The home agent's address (RFC 5952), null at home. */
    public String homeAgentAddress;
    /** How packets are carried. */
    public Encapsulation encapsulation;
    /** The current state. */
    public PathState state;
    /** When the state last changed, epoch milliseconds. */
    public long stateSince;
    /** Smoothed probe round-trip time in milliseconds, -1 if not measured. */
    public double rttMs;
    /** Fraction of recent probes lost, 0..1, -1 if not measured. */
    public double lossRatio;
    /** Round-trip time variation in milliseconds, -1 if not measured. */
    public double jitterMs;
    /** Packets sent over the path. */
    public long packetsSent;
    /** Inner bytes sent over the path. */
    public long bytesSent;
    /** Packets dropped by {@link Path#send} because they could not be sent. */
    public long sendDrops;
    /** Why the path is down or degraded, null if nothing is wrong. */
    public String failure;
}
