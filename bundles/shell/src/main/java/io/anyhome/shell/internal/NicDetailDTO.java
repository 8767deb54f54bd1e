package io.anyhome.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.dto.DTO;

/** {@code nic:show NAME} for people: the interface's facts, then its metrics with where each came from. */
public class NicDetailDTO extends DTO {
    public String name;
    public int index;
    public String technology;
    public String driver;
    public String state;
    public boolean carrier;
    public String stateSince;
    public double cost;
    public boolean metered;
    public String info;
    public String overrides;
    public String claimError;
    public String failure;
    public List<MetricRowDTO> metrics = new ArrayList<>();

    /** One metric: key, effective value and its source ({@code driver}, {@code probe} or {@code override}). */
    public static class MetricRowDTO extends DTO {
        public String key;
        public String value;
        public String source;
    }
}
