package io.anyhome.api.nic;

import java.util.Map;
import org.osgi.dto.DTO;

/**
 * A snapshot of one interface as the {@link NicRegistry} sees it; what {@code nic:list} and
 * {@code nic:show} print and {@code --json} emits.
 */
public class NicDTO extends DTO {
    /** Value of {@link #metricSources} for a value reported by the driver. */
    public static final String SOURCE_DRIVER = "driver";
    /** Value of {@link #metricSources} for a value measured by path probes. */
    public static final String SOURCE_PROBE = "probe";
    /** Value of {@link #metricSources} for an operator override. */
    public static final String SOURCE_OVERRIDE = "override";

    /** The interface name, also its uplink id. */
    public String name;
    /** The interface index. */
    public int index;
    /** The technology name (see {@link Technology}), null while unclaimed. */
    public String technology;
    /** The owning driver's name, null while unclaimed. */
    public String driver;
    /** The effective state (an override wins over the driver's report). */
    public NicState state;
    /** Whether the carrier is up. */
    public boolean carrier;
    /** When the state last changed, epoch milliseconds. */
    public long stateSince;
    /** The effective metrics: driver and probe values with overrides applied. */
    public Map<String, Double> metrics;
    /** For each key of {@link #metrics}: {@link #SOURCE_DRIVER}, {@link #SOURCE_PROBE} or {@link #SOURCE_OVERRIDE}. */
    public Map<String, String> metricSources;
    /** Descriptive values the driver reports ({@code ssid}, {@code bssid}, {@code operator}, {@code duplex}, ...). */
    public Map<String, String> info;
    /** The operator's overrides, key to value as given. */
    public Map<String, String> overrides;
    /** The effective {@link NicMetrics#COST}, 0 if unknown. */
    public double cost;
    /** The effective {@link NicMetrics#METERED}. */
    public boolean metered;
    /** The last refused claim on this interface ("driver X: claimed by Y"), null if none. */
    public String claimError;
    /** What the driver reports as wrong, null if nothing. */
    public String failure;
}
