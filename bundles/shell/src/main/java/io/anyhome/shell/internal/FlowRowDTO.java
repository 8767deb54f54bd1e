package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code ifs:flows} for people: the flow, where it goes, who put it there, and its traffic. */
public class FlowRowDTO extends DTO {
    public String proto;
    /** {@code [address]:port}, or {@code address:port} for IPv4. */
    public String source;
    public String destination;
    public int dscp;
    public String uplink;
    /** The second uplink a copy goes over. */
    public String duplicate;
    public String assignedBy;
    public long bytes;
    public long packets;
    /** Seconds since its last packet. */
    public long idleSeconds;
}
