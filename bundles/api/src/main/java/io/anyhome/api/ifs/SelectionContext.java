package io.anyhome.api.ifs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a policy may base a decision on, as an immutable snapshot built by the selection
 * engine (in ifs) for each evaluation: the uplinks, the active flows, the previous decision and
 * when it was made, and the time. All memory between evaluations comes through here, so a policy
 * can be replaced at any moment without losing state, and a policy reads no clock but
 * {@link #now()}.
 */
public final class SelectionContext {
    private final long now;
    private final List<UplinkSnapshot> uplinks;
    private final Map<String, UplinkSnapshot> uplinksById;
    private final List<FlowSnapshot> flows;
    private final Decision previousDecision;
    private final long previousDecidedAt;

    /**
     * @param now the evaluation time, epoch milliseconds
     * @param uplinks every known uplink, usable or not; ids must be unique
     * @param flows the active flows
     * @param previousDecision the decision in force, or null on the first evaluation
     * @param previousDecidedAt when the routing in force began, epoch milliseconds; 0 if none
     *     (see {@link #previousDecidedAt()})
     * @throws IllegalArgumentException naming a duplicate uplink id or an inconsistent previous decision time
     */
    public SelectionContext(long now, List<UplinkSnapshot> uplinks, List<FlowSnapshot> flows,
            Decision previousDecision, long previousDecidedAt) {
        this.now = now;
        this.uplinks = List.copyOf(uplinks);
        Map<String, UplinkSnapshot> byId = new LinkedHashMap<>();
        for (UplinkSnapshot u : this.uplinks) {
            if (byId.put(u.id(), u) != null) {
                throw new IllegalArgumentException("uplinks contains id '" + u.id() + "' twice");
            }
        }
        this.uplinksById = Map.copyOf(byId);
        this.flows = List.copyOf(flows);
        if (previousDecision == null && previousDecidedAt != 0) {
            throw new IllegalArgumentException("previousDecidedAt must be 0 without a previous decision");
        }
        if (previousDecidedAt > now) {
            throw new IllegalArgumentException("previousDecidedAt " + previousDecidedAt + " is after now " + now);
        }
        this.previousDecision = previousDecision;
        this.previousDecidedAt = previousDecidedAt;
    }

    /** @return the evaluation time, epoch milliseconds: the only clock a policy reads */
    public long now() {
        return now;
    }

    /** @return every known uplink, in the engine's stable order */
    public List<UplinkSnapshot> uplinks() {
        return uplinks;
    }

    /**
     * @param id an uplink id
     * @return that uplink, if known
     */
    public Optional<UplinkSnapshot> uplink(String id) {
        return Optional.ofNullable(uplinksById.get(Objects.requireNonNull(id, "id")));
    }

    /** @return the uplinks that can carry traffic now ({@link UplinkSnapshot#isUsable()}) */
    public List<UplinkSnapshot> usableUplinks() {
        return uplinks.stream().filter(UplinkSnapshot::isUsable).toList();
    }

    /** @return the active flows */
    public List<FlowSnapshot> flows() {
        return flows;
    }

    /** @return the decision in force, empty on the first evaluation */
    public Optional<Decision> previousDecision() {
        return Optional.ofNullable(previousDecision);
    }

    /**
     * When the routing in force began: the engine moves this time only when it publishes a
     * decision that routes differently from the one before ({@link Decision#sameRouting} false);
     * a decision that only rewords its reason keeps it. A policy's hold-down against leaving the
     * current uplink counts from here; how long an uplink has been usable is
     * {@link UplinkSnapshot#usableSince()}.
     *
     * @return epoch milliseconds; 0 if there is no decision in force
     */
    public long previousDecidedAt() {
        return previousDecidedAt;
    }
}
