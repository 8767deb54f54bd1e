package io.anyhome.api.ifs;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * The interface switch's state, returned by {@link InterfaceSwitch#status()}; what
 * {@code ifs:status} prints.
 */
public class IfsStatusDTO extends DTO {
    /** The active policy's name, null if none is registered. */
    public String activePolicy;
    /** Why the active policy is not the configured one (it went away, none configured), null if it is. */
    public String policyFallback;
    /** The default uplink of the decision in force, null if none. */
    public String defaultUplink;
    /** The reason of the decision in force. */
    public String decisionReason;
    /** When the decision in force was made, epoch milliseconds; 0 if none. */
    public long decidedAt;
    /** How long the last policy evaluation took, microseconds. */
    public long lastEvaluationMicros;
    /** Every known uplink. */
    public List<UplinkDTO> uplinks;
    /** Operator pins, as {@code RULE -> UPLINK}. */
    public List<String> pins;
    /** Forbidden uplinks. */
    public List<String> forbidden;
    /** The number of active flows. */
    public int activeFlows;
    /** What is wrong (no usable uplink, policy failing), null if nothing. */
    public String failure;
}
