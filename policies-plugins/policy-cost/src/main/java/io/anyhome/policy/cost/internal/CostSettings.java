package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code cost} policy's settings, parsed and checked from its configuration
 * ({@code etc/io.anyhome.policy.cost.cfg}); every key is optional. Immutable.
 *
 * @param tiers the {@code tiers} entries in configured order
 * @param caps the {@code caps} entries (monthly caps in bytes) in configured order
 * @param capAction where a capped uplink goes: {@link Tier#BACKUP} or {@link Tier#NEVER}
 * @param failbackHoldMillis how long the decision in force must have stood before the policy leaves a
 *        still-usable uplink for a cheaper one; 0 switches at once
 */
record CostSettings(List<Rule<Tier>> tiers, List<Rule<Long>> caps, Tier capAction, long failbackHoldMillis) {

    /** The configuration file, named in every refusal. */
    static final String FILE = "etc/io.anyhome.policy.cost.cfg";
    static final String TIERS = "tiers";
    static final String CAPS = "caps";
    static final String CAP_ACTION = "capAction";
    static final String FAILBACK_HOLD = "failbackHoldSeconds";

    /** Defaults: no configured tiers or caps, capAction backup, no failback hold. */
    static final CostSettings DEFAULTS = new CostSettings(List.of(), List.of(), Tier.BACKUP, 0);

    /**
     * One {@code PATTERN=VALUE} entry.
     *
     * @param pattern the uplinks it applies to
     * @param value the tier or cap
     * @param text the entry as configured, for reasons
     * @param <T> the value type
     */
    record Rule<T>(UplinkPattern pattern, T value, String text) {
    }

    CostSettings {
        tiers = List.copyOf(tiers);
        caps = List.copyOf(caps);
        if (capAction != Tier.BACKUP && capAction != Tier.NEVER) {
            throw new IllegalArgumentException(FILE + ": key " + CAP_ACTION + ": must be backup or never");
        }
        if (failbackHoldMillis < 0) {
            throw new IllegalArgumentException(FILE + ": key " + FAILBACK_HOLD + ": must not be negative");
        }
    }

    /**
     * @param properties the configuration (values as String, String[] or collections of strings); absent keys take their defaults
     * @return the settings
     * @throws IllegalArgumentException naming the file and key of the first bad value
     */
    static CostSettings parse(Map<String, ?> properties) {
        List<Rule<Tier>> tiers = rules(properties, TIERS, Tier::parse);
        List<Rule<Long>> caps = rules(properties, CAPS, ByteSize::parse);
        Tier capAction = Tier.BACKUP;
        List<String> action = strings(properties.get(CAP_ACTION));
        if (!action.isEmpty()) {
            try {
                capAction = Tier.parse(String.join(",", action));
            } catch (IllegalArgumentException e) {
                capAction = null;
            }
            if (capAction != Tier.BACKUP && capAction != Tier.NEVER) {
                throw refuse(CAP_ACTION, "'" + String.join(",", action) + "' is neither backup nor never");
            }
        }
        long hold = 0;
        List<String> holdText = strings(properties.get(FAILBACK_HOLD));
        if (!holdText.isEmpty()) {
            try {
                hold = Long.parseLong(String.join(",", holdText).trim());
            } catch (NumberFormatException e) {
                hold = -1;
            }
            if (hold < 0 || hold > 86_400) {
                throw refuse(FAILBACK_HOLD, "'" + String.join(",", holdText) + "' is not a number of seconds 0..86400");
            }
        }
        return new CostSettings(tiers, caps, capAction, hold * 1000);
    }

    private static <T> List<Rule<T>> rules(Map<String, ?> properties, String key, Function<String, T> parseValue) {
        List<Rule<T>> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : strings(properties.get(key))) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw refuse(key, "'" + entry + "' is not PATTERN=VALUE");
            }
            String pattern = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            if (!seen.add(pattern)) {
                throw refuse(key, "pattern '" + pattern + "' appears twice");
            }
            try {
                rules.add(new Rule<>(UplinkPattern.parse(key, pattern), parseValue.apply(value), pattern + "=" + value));
            } catch (IllegalArgumentException e) {
                throw refuse(key, e.getMessage());
            }
        }
        return rules;
    }

    private static List<String> strings(Object value) {
        Collection<?> parts;
        if (value == null) {
            return List.of();
        } else if (value instanceof Object[] array) {
            parts = Arrays.asList(array);
        } else if (value instanceof Collection<?> c) {
            parts = c;
        } else {
            parts = List.of(value);
        }
        List<String> out = new ArrayList<>();
        for (Object part : parts) {
            if (part != null) {
                for (String s : part.toString().split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            }
        }
        return out;
    }

    private static IllegalArgumentException refuse(String key, String why) {
        return new IllegalArgumentException(FILE + ": key " + key + ": " + why);
    }

    /**
     * @param uplink an uplink
     * @return the {@code tiers} entry that applies to it: the first matching its id, else the first
     *         naming its technology; empty if none
     */
    Optional<Rule<Tier>> tierFor(UplinkSnapshot uplink) {
        return ruleFor(tiers, uplink);
    }

    /**
     * @param uplink an uplink
     * @return the {@code caps} entry that applies to it, chosen as for {@link #tierFor}
     */
    Optional<Rule<Long>> capFor(UplinkSnapshot uplink) {
        return ruleFor(caps, uplink);
    }

    private static <T> Optional<Rule<T>> ruleFor(List<Rule<T>> rules, UplinkSnapshot uplink) {
        for (Rule<T> r : rules) {
            if (r.pattern().matchesId(uplink)) {
                return Optional.of(r);
            }
        }
        for (Rule<T> r : rules) {
            if (r.pattern().matchesTechnology(uplink)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
