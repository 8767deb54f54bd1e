package io.anyhome.shell.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.IfsStatusDTO;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.PolicyDTO;
import io.anyhome.api.ifs.PrefixDTO;
import io.anyhome.api.ifs.RouterDTO;
import io.anyhome.api.ifs.UplinkDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interface switch with two uplinks (eth0 usable, wlan0 down), policies "priority" (active)
 * and "cheapest", one flow, three handovers and one access link; pins and forbids are kept as the
 * real switch keeps them, unknown uplinks and policies are refused with NOT_FOUND.
 */
final class FakeInterfaceSwitch implements InterfaceSwitch {
    /** 2026-11-26T10:00:00Z, the time the fake's data is relative to. */
    static final long NOW = 1795687200000L;

    final Map<String, String> pins = new LinkedHashMap<>();
    final List<String> forbidden = new ArrayList<>();
    String active = "priority";
    int lastHandoverLimit;

    @Override
    public Path pathFor(ByteBuffer packet) {
        return null;
    }

    @Override
    public IfsStatusDTO status() {
        IfsStatusDTO s = new IfsStatusDTO();
        s.activePolicy = active;
        s.defaultUplink = "eth0";
        s.decisionReason = "eth0 is the highest priority usable uplink";
        s.decidedAt = NOW - 60_000;
        s.lastEvaluationMicros = 42;
        s.uplinks = List.of(uplink("eth0", NicState.UP, PathState.UP, "2001:db8:1::10", true, 1),
                uplink("wlan0", NicState.DOWN, PathState.DOWN, null, false, 0));
        s.pins = new ArrayList<>();
        pins.forEach((rule, uplink) -> s.pins.add(rule + " -> " + uplink));
        s.forbidden = List.copyOf(forbidden);
        s.activeFlows = 1;
        return s;
    }

    @Override
    public List<PolicyDTO> policies() {
        return List.of(policy("priority", 10), policy("cheapest", 0));
    }

    @Override
    public void selectPolicy(String name) throws AnyhomeException {
        if (policies().stream().noneMatch(p -> p.name.equals(name))) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no policy " + name);
        }
        active = name;
    }

    @Override
    public List<FlowDTO> flows() {
        FlowDTO f = new FlowDTO();
        f.protocol = 6;
        f.source = "2001:db8:1::10";
        f.sourcePort = 40000;
        f.destination = "2001:db8:2::7";
        f.destinationPort = 443;
        f.dscp = 10;
        f.uplink = "eth0";
        f.duplicateUplink = "wlan0";
        f.assignedBy = FlowDTO.BY_PIN;
        f.bytes = 123456;
        f.packets = 100;
        f.firstSeenAt = NOW - 30_000;
        f.lastSeenAt = NOW - 7_500;
        return List.of(f);
    }

    @Override
    public void pin(FlowRule rule, String uplink) throws AnyhomeException {
        known(uplink);
        pins.put(rule.toString(), uplink);
    }

    @Override
    public void forbid(String uplink) throws AnyhomeException {
        known(uplink);
        if (uplink.equals("eth0")) {
            throw new AnyhomeException(AnyhomeException.Code.CONFLICT, "eth0 is the last usable uplink");
        }
        forbidden.add(uplink);
    }

    @Override
    public void clear() {
        pins.clear();
        forbidden.clear();
    }

    @Override
    public List<HandoverDTO> handovers(int limit) {
        lastHandoverLimit = limit;
        List<HandoverDTO> all = List.of(
                handover(NOW - 10_000, HandoverDTO.TRIGGER_LINK_DOWN, "wlan0", "eth0", 85),
                handover(NOW - 20_000, HandoverDTO.TRIGGER_OPERATOR, "eth0", "wlan0", -1),
                handover(NOW - 30_000, HandoverDTO.TRIGGER_LINK_UP, null, "eth0", 12));
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public List<AccessLinkDTO> accessLinks() {
        AccessLinkDTO l = new AccessLinkDTO();
        l.interfaceName = "eth0";
        l.index = 2;
        RouterDTO r = new RouterDTO();
        r.address = "fe80::1";
        r.lifetimeMs = 1_800_000;
        r.expiresAt = NOW + 1_797_000;
        r.advertisementIntervalMs = -1;
        r.lastSeenAt = NOW - 3_000;
        r.advertisements = 12;
        r.current = true;
        l.routers = List.of(r);
        PrefixDTO p = new PrefixDTO();
        p.prefix = "2001:db8:1::/64";
        p.onLink = true;
        p.autonomous = true;
        p.validUntil = -1;
        p.preferredUntil = NOW + 604_800_000;
        p.router = "fe80::1";
        p.firstSeenAt = NOW - 600_000;
        l.prefixes = List.of(p);
        l.careOfAddress = "2001:db8:1::10";
        l.careOfAddressState = AccessLinkDTO.COA_USABLE;
        l.careOfAddressSince = NOW - 590_000;
        l.lastMovementAt = NOW - 600_000;
        l.lastMovement = "new prefix 2001:db8:1::/64";
        l.advertisementsAccepted = 12;
        l.advertisementsDropped = 1;
        l.lastDropReason = "hop limit 254";
        AccessLinkDTO w = new AccessLinkDTO();
        w.interfaceName = "wlan0";
        w.index = 3;
        w.routers = List.of();
        w.prefixes = List.of();
        w.careOfAddressState = AccessLinkDTO.COA_NONE;
        return List.of(l, w);
    }

    private static void known(String uplink) throws AnyhomeException {
        if (!uplink.equals("eth0") && !uplink.equals("wlan0")) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no uplink " + uplink);
        }
    }

    private static UplinkDTO uplink(String id, NicState state, PathState path, String coa, boolean usable, int flows) {
        UplinkDTO u = new UplinkDTO();
        u.id = id;
        u.technology = id.startsWith("eth") ? "ethernet" : "wlan";
        u.state = state;
        u.pathState = path;
        u.bindingState = usable ? BindingState.REGISTERED : BindingState.NONE;
        u.careOfAddress = coa;
        u.usable = usable;
        u.flows = flows;
        return u;
    }

    private PolicyDTO policy(String name, int ranking) {
        PolicyDTO p = new PolicyDTO();
        p.name = name;
        p.ranking = ranking;
        p.active = name.equals(active);
        p.bundle = "io.anyhome.policy." + name;
        p.serviceId = 40 + ranking;
        p.evaluations = 7;
        return p;
    }

    private static HandoverDTO handover(long time, String trigger, String from, String to, long latency) {
        HandoverDTO h = new HandoverDTO();
        h.time = time;
        h.trigger = trigger;
        h.triggerTime = time - 5;
        h.from = from;
        h.to = to;
        h.reason = to + " is the highest priority usable uplink";
        h.policy = "priority";
        h.flowsMoved = 1;
        h.triggerToTrafficMs = latency;
        return h;
    }
}
