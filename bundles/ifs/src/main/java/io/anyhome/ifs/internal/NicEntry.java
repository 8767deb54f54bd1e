package io.anyhome.ifs.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * One interface in the {@link NicTable}: what the platform says about its link, who owns it, what
 * its driver reported, probe metrics and overrides, and how its effective state is derived.
 * Mutable; only touched under the table's lock.
 */
final class NicEntry {
    final String name;
    final int index;
    final String kind;
    final String linkLayerAddress;
    final LinkDetails details;

    boolean linkKnown;
    boolean linkUsable;
    boolean linkCarrier;
    String linkDownCause;

    DriverSlot owner;
    ClaimHandle handle;
    NicState driverState = NicState.UNKNOWN;
    Boolean driverCarrier;
    final Map<String, Double> driverMetrics = new TreeMap<>();
    final Map<String, String> driverInfo = new TreeMap<>();
    final Map<String, Double> probeMetrics = new TreeMap<>();
    final Map<String, String> overrides = new TreeMap<>();
    String failure;
    String claimError;
    String refusedDriver;

    NicState state = NicState.UNKNOWN;
    long stateSince;
    boolean announcedUp;
    boolean stale;

    NicEntry(LinkEvent first, LinkDetails details, long now) {
        this.name = first.name();
        this.index = first.index();
        this.kind = first.kind();
        this.linkLayerAddress = first.linkLayerAddress();
        this.details = details;
        this.stateSince = now;
    }

    NicCandidate candidate() {
        return new NicCandidate(name, index, kind, details.devType(), details.wireless(), linkLayerAddress);
    }

    void link(LinkEvent e) {
        linkKnown = true;
        linkUsable = e.canCarryTraffic();
        linkCarrier = e.carrier();
        linkDownCause = !e.isAdminUp() ? "administratively down"
                : !e.carrier() ? "carrier lost"
                : "operational state " + e.operState().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The effective state: an override, else a link the platform sees down, else the driver's report. */
    NicState effectiveState() {
        String forced = overrides.get(NicMetrics.STATE_OVERRIDE);
        if (forced != null) {
            return NicState.valueOf(forced);
        }
        if (linkKnown && !linkUsable) {
            return NicState.DOWN;
        }
        if (driverState != NicState.UNKNOWN) {
            return driverState;
        }
        return linkKnown ? NicState.UP : NicState.UNKNOWN;
    }

    boolean carrier() {
        if (!linkKnown && driverCarrier == null) {
            return false;
        }
        return (!linkKnown || linkCarrier) && (driverCarrier == null || driverCarrier);
    }

    /** Why the interface is not usable, for UplinkListener and the DOWN event. */
    String downCause() {
        String forced = overrides.get(NicMetrics.STATE_OVERRIDE);
        if (forced != null) {
            return "override state=" + forced;
        }
        if (linkKnown && !linkUsable) {
            return linkDownCause;
        }
        return "driver reported " + driverState;
    }

    /** Ends the claim's driver-side data (the platform's view and operator settings stay). */
    void unclaim() {
        owner = null;
        handle = null;
        driverState = NicState.UNKNOWN;
        driverCarrier = null;
        driverMetrics.clear();
        driverInfo.clear();
        failure = null;
    }

    NicDTO toDto() {
        NicDTO dto = new NicDTO();
        dto.name = name;
        dto.index = index;
        dto.technology = owner == null ? null : owner.technology();
        dto.driver = owner == null ? null : owner.name();
        dto.state = state;
        dto.carrier = carrier();
        dto.stateSince = stateSince;
        MetricMerge.Merged merged = MetricMerge.merge(driverMetrics, probeMetrics, overrides);
        dto.metrics = merged.metrics();
        dto.metricSources = merged.sources();
        dto.info = new TreeMap<>(driverInfo);
        dto.overrides = new TreeMap<>(overrides);
        dto.cost = merged.metrics().getOrDefault(NicMetrics.COST, 0.0);
        dto.metered = merged.metrics().getOrDefault(NicMetrics.METERED, 0.0) != 0;
        dto.claimError = claimError;
        dto.failure = failure;
        return dto;
    }
}
