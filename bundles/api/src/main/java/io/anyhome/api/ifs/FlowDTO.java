package io.anyhome.api.ifs;

import org.osgi.dto.DTO;

/**
 * One active flow and where it goes, returned by {@link InterfaceSwitch#flows()}; what
 * {@code ifs:flows} prints.
 */
public class FlowDTO extends DTO {
    /** Value of {@link #assignedBy}: a per-flow override of the decision. */
    public static final String BY_FLOW = "flow";
    /** Value of {@link #assignedBy}: a rule override of the decision. */
    public static final String BY_RULE = "rule";
    /** Value of {@link #assignedBy}: the decision's default uplink. */
    public static final String BY_DEFAULT = "default";
    /** Value of {@link #assignedBy}: an operator pin. */
    public static final String BY_PIN = "pin";

    /** The protocol number. */
    public int protocol;
    /** The source address (RFC 5952). */
    public String source;
    /** The source port. */
    public int sourcePort;
    /** The destination address (RFC 5952). */
    public String destination;
    /** The destination port. */
    public int destinationPort;
    /** The IPv6 flow label. */
    public int flowLabel;
    /** The DSCP. */
    public int dscp;
    /** The uplink carrying it, null if none. */
    public String uplink;
    /** The second uplink a copy goes over, null if not duplicated. */
    public String duplicateUplink;
    /** What placed it: {@link #BY_FLOW}, {@link #BY_RULE}, {@link #BY_DEFAULT} or {@link #BY_PIN}. */
    public String assignedBy;
    /** Bytes seen. */
    public long bytes;
    /** Packets seen. */
    public long packets;
    /** When its first packet was seen, epoch milliseconds. */
    public long firstSeenAt;
    /** When its last packet was seen, epoch milliseconds. */
    public long lastSeenAt;
}
