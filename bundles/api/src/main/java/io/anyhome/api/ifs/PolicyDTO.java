package io.anyhome.api.ifs;

import org.osgi.dto.DTO;

/**
 * One registered {@link InterfaceSelectionPolicy}, returned by {@link InterfaceSwitch#policies()};
 * what {@code ifs:policies} prints.
 */
public class PolicyDTO extends DTO {
    /** The policy's name. */
    public String name;
    /** Its service ranking; the highest is the fallback when the active policy goes away. */
    public int ranking;
    /** Whether it is the active policy. */
    public boolean active;
    /** The symbolic name of the bundle that registered it. */
    public String bundle;
    /** Its service id. */
    public long serviceId;
    /** How many times it was evaluated. */
    public long evaluations;
    /** How many evaluations failed (threw, returned null, overran the time budget). */
    public long failures;
    /** How long the last evaluation took, microseconds. */
    public long lastEvaluationMicros;
    /** The last failure's description, null if none. */
    public String lastFailure;
    /** Until when it is disabled after failing (epoch milliseconds; it is tried again then), 0 while enabled. */
    public long disabledUntil;
}
