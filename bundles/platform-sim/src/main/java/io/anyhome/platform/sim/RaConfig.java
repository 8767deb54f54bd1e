package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SimRouter} advertises on one of its interfaces (RFC 4861 §6.2.1 router
 * configuration variables, RFC 6275 §7 for the home agent parts). Immutable; the {@code with...}
 * methods return changed copies.
 *
 * @param prefixes the prefixes advertised in Prefix Information options (L and A set), each also
 *     on-link at the router; the router's own address on the link is the first prefix's {@code ::1}
 * @param minInterval the shortest time between unsolicited advertisements
 * @param maxInterval the longest; each interval is drawn uniformly in [min, max] from the network's seeded random source
 * @param routerLifetime the Router Lifetime (0: not a default router), whole seconds up to 65535
 * @param validLifetime the prefixes' valid lifetime, whole seconds; null for infinite
 * @param preferredLifetime the prefixes' preferred lifetime, whole seconds; null for infinite
 * @param mtu the MTU option's value, 0 for none
 * @param homeAgent set the H flag, add a Home Agent Information option, and advertise the router's
 *     address with the R flag (RFC 6275 §7.1, §7.2, §7.4)
 */
public record RaConfig(List<IpPrefix> prefixes, Duration minInterval, Duration maxInterval, Duration routerLifetime,
        Duration validLifetime, Duration preferredLifetime, int mtu, boolean homeAgent) {

    /** Checks the values. */
    public RaConfig {
        prefixes = List.copyOf(prefixes);
        for (IpPrefix p : prefixes) {
            if (!p.isIpv6()) {
                throw new IllegalArgumentException("prefix " + p + " is not an IPv6 prefix");
            }
        }
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("intervals " + minInterval + ".." + maxInterval
                    + " must be positive with min <= max");
        }
        if (routerLifetime.isNegative() || routerLifetime.getSeconds() > 65535) {
            throw new IllegalArgumentException("routerLifetime " + routerLifetime + " is outside 0..65535 s");
        }
        if (mtu != 0 && (mtu < 1280 || mtu > 65535)) {
            throw new IllegalArgumentException("mtu " + mtu + " is outside 1280..65535 (or 0 for none)");
        }
    }

    /**
     * RFC 4861 defaults scaled for mobility: RAs every 1 to 3 s, router lifetime 9 s (three times
     * the maximum interval), valid lifetime 1 day, preferred lifetime 4 hours, no MTU option.
     *
     * @param prefixes the advertised prefixes
     * @return the configuration
     */
    public static RaConfig of(IpPrefix... prefixes) {
        return new RaConfig(List.of(prefixes), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(9),
                Duration.ofDays(1), Duration.ofHours(4), 0, false);
    }

    /**
     * @param min the shortest interval
     * @param max the longest interval
     * @return a copy with these intervals
     */
    public RaConfig withIntervals(Duration min, Duration max) {
        return new RaConfig(prefixes, min, max, routerLifetime, validLifetime, preferredLifetime, mtu, homeAgent);
    }

    /**
     * @param lifetime the router lifetime
     * @return a copy with this router lifetime
     */
    public RaConfig withRouterLifetime(Duration lifetime) {
        return new RaConfig(prefixes, minInterval, maxInterval, lifetime, validLifetime, preferredLifetime, mtu,
                homeAgent);
    }

    /**
     * @param valid the valid lifetime, null for infinite
     * @param preferred the preferred lifetime, null for infinite
     * @return a copy with these prefix lifetimes
     */
    public RaConfig withPrefixLifetimes(Duration valid, Duration preferred) {
        return new RaConfig(prefixes, minInterval, maxInterval, routerLifetime, valid, preferred, mtu, homeAgent);
    }

    /**
     * @param linkMtu the MTU to advertise, 0 for none
     * @return a copy with this MTU option
     */
    public RaConfig withMtu(int linkMtu) {
        return new RaConfig(prefixes, minInterval, maxInterval, routerLifetime, validLifetime, preferredLifetime,
                linkMtu, homeAgent);
    }

    /**
     * @param on whether the router is a home agent on the link
     * @return a copy with the home agent flag set or cleared
     */
    public RaConfig withHomeAgent(boolean on) {
        return new RaConfig(prefixes, minInterval, maxInterval, routerLifetime, validLifetime, preferredLifetime, mtu,
                on);
    }
}
