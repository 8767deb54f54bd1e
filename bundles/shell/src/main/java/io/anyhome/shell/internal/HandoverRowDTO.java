package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code ifs:handovers} for people. */
public class HandoverRowDTO extends DTO {
    /** When the new decision took effect, ISO-8601 UTC. */
    public String time;
    public String trigger;
    /** {@code from → to}, {@code -} for none. */
    public String change;
    public String reason;
    public String policy;
    public int flowsMoved;
    /** Milliseconds from the trigger to the first packet over the new uplink, {@code -} until then. */
    public String triggerToTrafficMs;
}
