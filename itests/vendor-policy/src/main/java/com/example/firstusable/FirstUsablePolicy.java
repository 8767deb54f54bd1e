package com.example.firstusable;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import org.osgi.service.component.annotations.Component;

/**
 * A vendor's interface selection policy, named {@code vendor-first-usable}: keeps the current
 * uplink while it is usable, else takes the usable uplink with the smallest id. It ranks below
 * the shipped policies, so it decides only when selected ({@code ifs:policy vendor-first-usable}).
 * It depends on the anyhome api alone.
 */
@Component(service = InterfaceSelectionPolicy.class,
        property = {InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=" + FirstUsablePolicy.NAME,
                "service.ranking:Integer=-10"})
public class FirstUsablePolicy implements InterfaceSelectionPolicy {
    /** The policy's name. */
    static final String NAME = "vendor-first-usable";

    @Override
    public Decision decide(SelectionContext context) {
        return context.previousDecision().flatMap(Decision::defaultUplink)
                .filter(id -> context.uplink(id).map(UplinkSnapshot::isUsable).orElse(false))
                .map(id -> Decision.useUplink(id, NAME + ": keeping " + id + " while it is usable"))
                .or(() -> context.usableUplinks().stream().map(UplinkSnapshot::id).sorted().findFirst()
                        .map(id -> Decision.useUplink(id, NAME + ": " + id + " is the first usable uplink")))
                .orElseGet(() -> Decision.noUplink(NAME + ": no uplink is usable"));
    }
}
