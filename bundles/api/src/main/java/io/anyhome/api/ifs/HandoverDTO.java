package io.anyhome.api.ifs;

import org.osgi.dto.DTO;

/**
 * One handover: traffic moved from one uplink to another. Returned by
 * {@link InterfaceSwitch#handovers(int)}; what {@code ifs:handovers} prints, and what the lab
 * tests measure handover latency from.
 */
public class HandoverDTO extends DTO {
    /** Value of {@link #trigger}: an uplink went down. */
    public static final String TRIGGER_LINK_DOWN = "link-down";
    /** Value of {@link #trigger}: an uplink came up. */
    public static final String TRIGGER_LINK_UP = "link-up";
    /** Value of {@link #trigger}: a path went down or recovered. */
    public static final String TRIGGER_PATH = "path";
    /** Value of {@link #trigger}: a periodic or metric-driven evaluation changed the decision. */
    public static final String TRIGGER_DECISION = "decision";
    /** Value of {@link #trigger}: the active policy changed. */
    public static final String TRIGGER_POLICY = "policy";
    /** Value of {@link #trigger}: an operator pinned, forbade or cleared. */
    public static final String TRIGGER_OPERATOR = "operator";

    /** When the new decision took effect, epoch milliseconds. */
    public long time;
    /** What caused it: one of the {@code TRIGGER_} values. */
    public String trigger;
    /** When the trigger was seen (for a link event, the event's time), epoch milliseconds. */
    public long triggerTime;
    /** The previous default uplink, null if none. */
    public String from;
    /** The new default uplink, null if none. */
    public String to;
    /** The decision's reason. */
    public String reason;
    /** The policy that decided. */
    public String policy;
    /** The number of active flows that changed uplink. */
    public int flowsMoved;
    /** Milliseconds from the trigger to the first packet sent over the new default uplink; -1 until then, and for a handover that only moved single flows. */
    public long triggerToTrafficMs;
}
