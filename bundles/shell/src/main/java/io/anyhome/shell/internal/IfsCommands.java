package io.anyhome.shell.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.IfsStatusDTO;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.PolicyDTO;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands of scope {@code ifs} over the {@link InterfaceSwitch}: {@code ifs:status},
 * {@code ifs:policies}, {@code ifs:policy [NAME]}, {@code ifs:flows}, {@code ifs:pin FLOW NIC},
 * {@code ifs:forbid NIC}, {@code ifs:clear} and {@code ifs:handovers [-n N]}. A table for people
 * by default, the switch's DTOs as JSON with {@code --json}. Usage errors (bad FLOW, bad -n) are
 * {@link IllegalArgumentException}s; an unknown policy or uplink is a failed command, and so is
 * any command on a node where no interface switch runs.
 */
@Component(service = IfsCommands.class, property = {"osgi.command.scope=ifs", "osgi.command.function=status",
        "osgi.command.function=policies", "osgi.command.function=policy", "osgi.command.function=flows",
        "osgi.command.function=pin", "osgi.command.function=forbid", "osgi.command.function=clear",
        "osgi.command.function=handovers"})
public class IfsCommands {
    private static final String JSON = "--json";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InterfaceSwitch ifs;

    private final Clock clock;

    public IfsCommands() {
        this(null, Clock.systemUTC());
    }

    IfsCommands(InterfaceSwitch ifs, Clock clock) {
        this.ifs = ifs;
        this.clock = clock;
    }

    @Descriptor("show the interface switch: active policy, decision in force, pins, forbidden uplinks, uplinks")
    public Object status(
            @Descriptor("print the status DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        IfsStatusDTO status = running(ifs).status();
        return json ? DtoFormatter.json(status) : detail(status);
    }

    @Descriptor("list the registered selection policies: ranking, active, bundle, evaluations, failures")
    public Object policies(
            @Descriptor("print the policy DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        List<PolicyDTO> policies = running(ifs).policies();
        return json ? DtoFormatter.json(policies)
                : DtoFormatter.table(policies.stream().map(IfsCommands::row).collect(Collectors.toList())).stripTrailing();
    }

    @Descriptor("show the active selection policy")
    public Object policy(
            @Descriptor("print the policy DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        PolicyDTO active = active(running(ifs).policies());
        if (json) {
            return DtoFormatter.json(active);
        }
        return active == null ? "no selection policy is registered" : active;
    }

    @Descriptor("make a selection policy the active one")
    public Object policy(
            @Descriptor("print the now active policy DTO as JSON") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the policy name (see ifs:policies)") String name) throws AnyhomeException {
        InterfaceSwitch current = running(ifs);
        try {
            current.selectPolicy(name);
        } catch (AnyhomeException e) {
            if (e.code() == AnyhomeException.Code.NOT_FOUND) {
                List<PolicyDTO> known = current.policies();
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no policy " + name + "; known: "
                        + (known.isEmpty() ? "none" : known.stream().map(p -> p.name).collect(Collectors.joining(", "))), e);
            }
            throw CommandErrors.usageOr(e);
        }
        return json ? DtoFormatter.json(active(current.policies())) : "active policy: " + name;
    }

    @Descriptor("list the active flows: protocol, ends, dscp, uplink, duplicate, who placed it, traffic, idle time")
    public Object flows(
            @Descriptor("print the flow DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        List<FlowDTO> flows = running(ifs).flows();
        if (json) {
            return DtoFormatter.json(flows);
        }
        long now = clock.millis();
        return DtoFormatter.table(flows.stream().map(f -> row(f, now)).collect(Collectors.toList())).stripTrailing();
    }

    @Descriptor("pin flows to an uplink whatever the policy decides, until ifs:clear. FLOW is " + FlowRule.SYNTAX)
    public Object pin(
            @Descriptor("print the status DTO as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the flows: 'all', or terms such as tcp:22, udp:5000-5010, dscp:46, proto:47, tcp:443+dscp:10") String flow,
            @Descriptor("the uplink (interface name)") String nic) throws AnyhomeException {
        FlowRule rule = FlowRule.parse(flow);
        InterfaceSwitch current = running(ifs);
        try {
            current.pin(rule, nic);
        } catch (AnyhomeException e) {
            throw CommandErrors.usageOr(e);
        }
        return json ? DtoFormatter.json(current.status()) : "pinned " + rule + " to " + nic;
    }

    @Descriptor("forbid an uplink: no decision uses it until ifs:clear")
    public Object forbid(
            @Descriptor("print the status DTO as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the uplink (interface name)") String nic) throws AnyhomeException {
        InterfaceSwitch current = running(ifs);
        try {
            current.forbid(nic);
        } catch (AnyhomeException e) {
            throw CommandErrors.usageOr(e);
        }
        return json ? DtoFormatter.json(current.status()) : "forbade " + nic;
    }

    @Descriptor("remove every pin and forbid; the policy's decision applies again")
    public Object clear(
            @Descriptor("print the status DTO as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        InterfaceSwitch current = running(ifs);
        current.clear();
        return json ? DtoFormatter.json(current.status()) : "pins and forbids cleared";
    }

    @Descriptor("list the latest handovers, newest first: time, trigger, from -> to, reason, policy, flows moved, trigger to traffic")
    public Object handovers(
            @Descriptor("print the handover DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("how many handovers to show, default 20") @Parameter(names = "-n", absentValue = "20") int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("usage: ifs:handovers [-n N] [--json] (N must be positive, not " + n + ")");
        }
        List<HandoverDTO> handovers = running(ifs).handovers(n);
        if (json) {
            return DtoFormatter.json(handovers);
        }
        return DtoFormatter.table(handovers.stream().map(IfsCommands::row).collect(Collectors.toList())).stripTrailing();
    }

    /**
     * @return the switch
     * @throws IllegalStateException saying which roles run one, when none runs here
     */
    static InterfaceSwitch running(InterfaceSwitch ifs) {
        if (ifs == null) {
            throw new IllegalStateException("the interface switch is not running on this node"
                    + " (a mobile node or router, role=mn or role=mr in etc/io.anyhome.node.cfg, runs one)");
        }
        return ifs;
    }

    /** An epoch-millisecond time for people: ISO-8601 UTC, {@code -} for 0. */
    static String instant(long epochMillis) {
        return epochMillis == 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }

    static IfsStatusDetailDTO detail(IfsStatusDTO status) {
        IfsStatusDetailDTO d = new IfsStatusDetailDTO();
        d.activePolicy = status.activePolicy;
        d.policyFallback = status.policyFallback;
        d.defaultUplink = status.defaultUplink;
        d.decisionReason = status.decisionReason;
        d.decidedAt = instant(status.decidedAt);
        d.lastEvaluationMicros = status.lastEvaluationMicros;
        d.pins = joined(status.pins);
        d.forbidden = joined(status.forbidden);
        d.activeFlows = status.activeFlows;
        d.failure = status.failure;
        d.uplinks = status.uplinks == null ? List.of() : status.uplinks;
        return d;
    }

    static FlowRowDTO row(FlowDTO flow, long now) {
        FlowRowDTO row = new FlowRowDTO();
        row.proto = protocolName(flow.protocol);
        row.source = end(flow.source, flow.sourcePort);
        row.destination = end(flow.destination, flow.destinationPort);
        row.dscp = flow.dscp;
        row.uplink = flow.uplink;
        row.duplicate = flow.duplicateUplink;
        row.assignedBy = flow.assignedBy;
        row.bytes = flow.bytes;
        row.packets = flow.packets;
        row.idleSeconds = Math.max(0, now - flow.lastSeenAt) / 1000;
        return row;
    }

    static PolicyRowDTO row(PolicyDTO p) {
        PolicyRowDTO row = new PolicyRowDTO();
        row.name = p.name;
        row.ranking = p.ranking;
        row.active = p.active;
        row.bundle = p.bundle;
        row.serviceId = p.serviceId;
        row.evaluations = p.evaluations;
        row.failures = p.failures;
        row.lastEvaluationMicros = p.lastEvaluationMicros;
        row.lastFailure = p.lastFailure;
        row.disabledUntil = instant(p.disabledUntil);
        return row;
    }

    static HandoverRowDTO row(HandoverDTO handover) {
        HandoverRowDTO row = new HandoverRowDTO();
        row.time = instant(handover.time);
        row.trigger = handover.trigger;
        row.change = orDash(handover.from) + " → " + orDash(handover.to);
        row.reason = handover.reason;
        row.policy = handover.policy;
        row.flowsMoved = handover.flowsMoved;
        row.triggerToTrafficMs = handover.triggerToTrafficMs < 0 ? "-" : Long.toString(handover.triggerToTrafficMs);
        return row;
    }

    private static PolicyDTO active(List<PolicyDTO> policies) {
        return policies.stream().filter(p -> p.active).findFirst().orElse(null);
    }

    private static String end(String address, int port) {
        if (address == null) {
            return "-";
        }
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    private static String joined(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join(", ", items);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** @return tcp, udp, icmpv6 or the number, for tables */
    static String protocolName(int protocol) {
        return switch (protocol) {
            case FlowKey.TCP -> "tcp";
            case FlowKey.UDP -> "udp";
            case FlowKey.ICMPV6 -> "icmpv6";
            default -> Integer.toString(protocol);
        };
    }
}
