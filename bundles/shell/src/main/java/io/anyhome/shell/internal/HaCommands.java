package io.anyhome.shell.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.homeagent.BindingCacheEntryDTO;
import io.anyhome.api.homeagent.HomeAgent;
import io.anyhome.api.homeagent.HomeAgentStatisticsDTO;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands of scope {@code ha} over the {@link HomeAgent}: {@code ha:bc} (the binding
 * cache), {@code ha:stats} (the counters) and {@code ha:deregister HOME-ADDRESS}. A table for
 * people by default, the home agent's DTOs as JSON with {@code --json}. Every command fails,
 * saying so, on a node where no home agent runs; an address without binding is a failed command,
 * a malformed one a usage error.
 */
@Component(service = HaCommands.class, property = {"osgi.command.scope=ha", "osgi.command.function=bc",
        "osgi.command.function=stats", "osgi.command.function=deregister"})
public class HaCommands {
    private static final String JSON = "--json";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HomeAgent homeAgent;

    private final Clock clock;

    public HaCommands() {
        this(null, Clock.systemUTC());
    }

    HaCommands(HomeAgent homeAgent, Clock clock) {
        this.homeAgent = homeAgent;
        this.clock = clock;
    }

    @Descriptor("list the binding cache: home address, care-of address, NAT mapping, sequence, flags, lifetime, expiry, identity")
    public Object bc(
            @Descriptor("print the binding cache entry DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        List<BindingCacheEntryDTO> entries = running(homeAgent).bindingCache();
        if (json) {
            return DtoFormatter.json(entries);
        }
        long now = clock.millis();
        return DtoFormatter.table(entries.stream().map(e -> row(e, now)).collect(Collectors.toList())).stripTrailing();
    }

    @Descriptor("show the home agent's counters: Binding Updates by outcome, authentication failures, rate-limited answers, expiries, tunnelled packets, drops by reason")
    public Object stats(
            @Descriptor("print the statistics DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        HomeAgentStatisticsDTO s = running(homeAgent).statistics();
        return json ? DtoFormatter.json(s) : detail(s);
    }

    @Descriptor("remove the binding of a home address as if the node had deregistered: its route and proxy ND entry go")
    public Object deregister(
            @Descriptor("print the binding cache as JSON afterwards") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the home address") String homeAddress) throws AnyhomeException {
        InetAddress address;
        try {
            address = AddressText.parse(homeAddress);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("usage: ha:deregister HOME-ADDRESS (" + e.getMessage() + ")", e);
        }
        HomeAgent current = running(homeAgent);
        int removed = current.deregister(address);
        return json ? DtoFormatter.json(current.bindingCache())
                : "deregistered " + AddressText.format(address) + " (" + removed + " binding" + (removed == 1 ? "" : "s") + ")";
    }

    static HomeAgent running(HomeAgent homeAgent) {
        if (homeAgent == null) {
            throw new IllegalStateException("no home agent runs on this node"
                    + " (a node with role=ha and homePrefix in etc/io.anyhome.node.cfg and etc/io.anyhome.homeagent.cfg runs one)");
        }
        return homeAgent;
    }

    static BindingCacheRowDTO row(BindingCacheEntryDTO e, long now) {
        BindingCacheRowDTO row = new BindingCacheRowDTO();
        row.homeAddress = e.homeAddress;
        row.careOfAddress = e.careOfAddress;
        row.nat = e.natAddress == null ? "-"
                : (e.natAddress.indexOf(':') >= 0 ? "[" + e.natAddress + "]" : e.natAddress) + ":" + e.natPort;
        row.sequence = e.sequence;
        row.flags = e.flags;
        row.lifetimeSeconds = e.lifetimeMs / 1000;
        row.expiresInSeconds = Math.max(0, e.expiresAt - now) / 1000;
        row.identity = e.mobileNodeIdentifier;
        return row;
    }

    static HomeAgentStatsDetailDTO detail(HomeAgentStatisticsDTO s) {
        HomeAgentStatsDetailDTO d = new HomeAgentStatsDetailDTO();
        d.bindingUpdatesReceived = s.bindingUpdatesReceived;
        d.bindingUpdatesAccepted = s.bindingUpdatesAccepted;
        d.refusedByStatus = pairs(s.bindingUpdatesRefusedByStatus);
        d.authenticationFailures = s.authenticationFailures;
        d.acksRateLimited = s.acksRateLimited;
        d.bindingsExpired = s.bindingsExpired;
        d.packetsToMobileNodes = s.packetsToMobileNodes;
        d.packetsFromMobileNodes = s.packetsFromMobileNodes;
        d.drops = pairs(s.drops);
        return d;
    }

    private static String pairs(Map<?, Long> counts) {
        if (counts == null) {
            return null;
        }
        String text = counts.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }
}
