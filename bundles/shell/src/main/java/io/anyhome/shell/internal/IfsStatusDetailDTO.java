package io.anyhome.shell.internal;

import io.anyhome.api.ifs.UplinkDTO;
import java.util.List;
import org.osgi.dto.DTO;

/** {@code ifs:status} for people: the decision in force, operator overrides, then the uplinks. */
public class IfsStatusDetailDTO extends DTO {
    public String activePolicy;
    public String policyFallback;
    public String defaultUplink;
    public String decisionReason;
    /** ISO-8601 UTC, {@code -} if no decision was made. */
    public String decidedAt;
    public long lastEvaluationMicros;
    /** {@code RULE -> UPLINK}, comma-separated. */
    public String pins;
    public String forbidden;
    public int activeFlows;
    public String failure;
    public List<UplinkDTO> uplinks;
}
