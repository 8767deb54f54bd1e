package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code ifs:policies} for people. */
public class PolicyRowDTO extends DTO {
    public String name;
    public int ranking;
    public boolean active;
    public String bundle;
    public long serviceId;
    public long evaluations;
    public long failures;
    public long lastEvaluationMicros;
    public String lastFailure;
    /** Until when the policy is disabled after failing (ISO-8601 UTC), {@code -} while enabled. */
    public String disabledUntil;
}
