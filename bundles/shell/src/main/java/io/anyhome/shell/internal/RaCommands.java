package io.anyhome.shell.internal;

import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.PrefixDTO;
import io.anyhome.api.ifs.RouterDTO;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo command {@code ra:list}: what the interface switch's Router Advertisement watch knows per
 * interface (routers, prefixes, care-of address and its state, the last movement, accepted and
 * dropped advertisements). The {@link AccessLinkDTO}s as JSON with {@code --json}.
 */
@Component(service = RaCommands.class, property = {"osgi.command.scope=ra", "osgi.command.function=list"})
public class RaCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InterfaceSwitch ifs;

    private final Clock clock;

    public RaCommands() {
        this(null, Clock.systemUTC());
    }

    RaCommands(InterfaceSwitch ifs, Clock clock) {
        this.ifs = ifs;
        this.clock = clock;
    }

    @Descriptor("list every watched interface: routers, prefixes, care-of address and state, last movement, accepted/dropped RAs")
    public Object list(
            @Descriptor("print the access link DTOs as JSON instead of tables") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json) {
        List<AccessLinkDTO> links = IfsCommands.running(ifs).accessLinks();
        if (json) {
            return DtoFormatter.json(links);
        }
        if (links.isEmpty()) {
            return "(none)";
        }
        long now = clock.millis();
        return links.stream().map(l -> DtoFormatter.table(detail(l, now))).collect(Collectors.joining("\n\n"));
    }

    static AccessLinkDetailDTO detail(AccessLinkDTO link, long now) {
        AccessLinkDetailDTO d = new AccessLinkDetailDTO();
        d.interfaceName = link.interfaceName;
        d.index = link.index;
        d.careOfAddress = link.careOfAddress == null ? link.careOfAddressState
                : link.careOfAddress + " (" + link.careOfAddressState + " since " + IfsCommands.instant(link.careOfAddressSince) + ")";
        d.lastMovement = link.lastMovement == null ? null
                : link.lastMovement + " at " + IfsCommands.instant(link.lastMovementAt);
        d.advertisementsAccepted = link.advertisementsAccepted;
        d.advertisementsDropped = link.advertisementsDropped;
        d.lastDropReason = link.lastDropReason;
        if (link.routers != null) {
            link.routers.forEach(r -> d.routers.add(row(r, now)));
        }
        if (link.prefixes != null) {
            link.prefixes.forEach(p -> d.prefixes.add(row(p, now)));
        }
        return d;
    }

    private static AccessLinkDetailDTO.RouterRowDTO row(RouterDTO router, long now) {
        AccessLinkDetailDTO.RouterRowDTO row = new AccessLinkDetailDTO.RouterRowDTO();
        row.address = router.address;
        row.lifetime = seconds(router.lifetimeMs);
        row.interval = router.advertisementIntervalMs < 0 ? "-" : seconds(router.advertisementIntervalMs);
        row.lastSeen = seconds(Math.max(0, now - router.lastSeenAt)) + " ago";
        row.advertisements = router.advertisements;
        row.homeAgent = router.homeAgent;
        row.current = router.current;
        return row;
    }

    private static AccessLinkDetailDTO.PrefixRowDTO row(PrefixDTO prefix, long now) {
        AccessLinkDetailDTO.PrefixRowDTO row = new AccessLinkDetailDTO.PrefixRowDTO();
        row.prefix = prefix.prefix;
        String flags = (prefix.onLink ? "L" : "") + (prefix.autonomous ? "A" : "");
        row.flags = flags.isEmpty() ? "-" : flags;
        row.valid = left(prefix.validUntil, now);
        row.preferred = left(prefix.preferredUntil, now);
        row.router = prefix.router;
        return row;
    }

    private static String left(long until, long now) {
        return until < 0 ? "infinity" : seconds(Math.max(0, until - now));
    }

    /** Milliseconds as seconds for people: {@code 1800s}, {@code 1.5s}. */
    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
    }
}
