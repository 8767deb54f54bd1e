package io.anyhome.shell.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.MobilityService;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands of scope {@code mip} over the {@link MobilityService}: {@code mip:status},
 * {@code mip:bul}, {@code mip:stats}, {@code mip:register UPLINK} and
 * {@code mip:deregister [UPLINK]}. A table for people by default, the service's DTOs as JSON with
 * {@code --json}. An unknown uplink or a missing binding is a failed command, and so is any
 * command on a node where mobility does not run.
 */
@Component(service = MipCommands.class, property = {"osgi.command.scope=mip", "osgi.command.function=status",
        "osgi.command.function=bul", "osgi.command.function=stats", "osgi.command.function=register",
        "osgi.command.function=deregister"})
public class MipCommands {
    private static final String JSON = "--json";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MobilityService mobility;

    public MipCommands() {
        this(null);
    }

    MipCommands(MobilityService mobility) {
        this.mobility = mobility;
    }

    @Descriptor("show mobility: role, home address and prefix, home agent, encapsulation, bindings, failure")
    public Object status(
            @Descriptor("print the status DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        MobilityService m = running(mobility);
        return json ? DtoFormatter.json(m.status()) : m.status();
    }

    @Descriptor("list the binding update list: uplink, state, care-of address, home agent, sequence, lifetime, expiry, last status, NAT refresh time")
    public Object bul(
            @Descriptor("print the binding DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        List<BindingDTO> bindings = running(mobility).bindings();
        if (json) {
            return DtoFormatter.json(bindings);
        }
        return DtoFormatter.table(bindings.stream().map(MipCommands::row).collect(Collectors.toList())).stripTrailing();
    }

    @Descriptor("show the signalling and probe counters: updates sent, acknowledgements by status, errors, probes, drops")
    public Object stats(
            @Descriptor("print the statistics DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        MobilityService m = running(mobility);
        return json ? DtoFormatter.json(m.statistics()) : m.statistics();
    }

    @Descriptor("register (or refresh) the binding through an uplink now; the outcome shows in mip:bul")
    public Object register(
            @Descriptor("print the binding DTOs as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the uplink (interface name) whose care-of address to register") String uplink) throws AnyhomeException {
        MobilityService m = running(mobility);
        try {
            m.register(uplink);
        } catch (AnyhomeException e) {
            throw CommandErrors.usageOr(e);
        }
        return json ? DtoFormatter.json(m.bindings()) : "Binding Update sent through " + uplink;
    }

    @Descriptor("deregister the binding in force (Binding Update with lifetime 0)")
    public Object deregister(
            @Descriptor("print the binding DTOs as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) throws AnyhomeException {
        return deregister(json, null);
    }

    @Descriptor("deregister the binding through an uplink (Binding Update with lifetime 0)")
    public Object deregister(
            @Descriptor("print the binding DTOs as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the uplink (interface name) the binding goes through") String uplink) throws AnyhomeException {
        MobilityService m = running(mobility);
        try {
            m.deregister(uplink);
        } catch (AnyhomeException e) {
            throw CommandErrors.usageOr(e);
        }
        return json ? DtoFormatter.json(m.bindings())
                : "deregistration sent" + (uplink == null ? "" : " through " + uplink);
    }

    /**
     * @return the service
     * @throws IllegalStateException saying which roles run it, when none runs here
     */
    static MobilityService running(MobilityService mobility) {
        if (mobility == null) {
            throw new IllegalStateException("mobility is not running on this node (a mobile node or router,"
                    + " role=mn or role=mr in etc/io.anyhome.node.cfg, with homeAgent and key in"
                    + " etc/io.anyhome.mobility.cfg, runs it)");
        }
        return mobility;
    }

    static BindingRowDTO row(BindingDTO b) {
        BindingRowDTO row = new BindingRowDTO();
        row.uplink = b.uplink;
        row.state = b.state == null ? null : b.state.name();
        row.careOfAddress = b.careOfAddress;
        row.homeAgent = b.homeAgentAddress;
        row.sequence = b.sequence;
        row.lifetime = b.lifetimeGrantedMs == 0 ? "-" : Long.toString(b.lifetimeGrantedMs / 1000);
        row.expires = IfsCommands.instant(b.expiresAt);
        row.lastAck = b.lastAckStatus < 0 ? "-" : Integer.toString(b.lastAckStatus);
        row.nat = !b.behindNat ? "-" : b.natRefreshMs < 0 ? "none" : b.natRefreshMs / 1000 + " s";
        row.failure = b.failure;
        return row;
    }
}
