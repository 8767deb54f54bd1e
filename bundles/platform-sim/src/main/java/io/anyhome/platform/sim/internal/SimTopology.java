package io.anyhome.platform.sim.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.platform.sim.RaConfig;
import io.anyhome.platform.sim.SimInterface;
import io.anyhome.platform.sim.SimLink;
import io.anyhome.platform.sim.SimNetwork;
import io.anyhome.platform.sim.SimPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The emulated topology of a node run with {@code platform=sim}, read from the {@code links} key
 * of {@code etc/io.anyhome.platform.sim.cfg}: one entry per uplink, each on its own link to its
 * own access router that advertises one prefix.
 *
 * <pre>
 * links=wlan0 2001:db8:a::/64 rate=54M delay=5 loss=0 type=wlan, \
 *       wwan0 2001:db8:b::/64 rate=10M delay=40 type=wwan, \
 *       eth0 2001:db8:c::/64 rate=1G delay=1
 * </pre>
 *
 * (entries separated by commas in a {@code .cfg} file, or a string array in a {@code .config} file)
 *
 * <p>An entry is {@code NAME PREFIX} followed by optional {@code key=value} settings:
 * {@code rate} (bits/s, suffix {@code k}, {@code M} or {@code G}; 0 unlimited; default 0),
 * {@code delay} (one-way, milliseconds; default 0), {@code loss} (probability 0..1; default 0),
 * {@code type} (the DEVTYPE {@code linkDetails} reports; {@code wlan} also makes the interface
 * wireless, associated to SSID {@code anyhome-sim}; default none), {@code raInterval} (the RA
 * interval range in milliseconds, {@code MIN-MAX}; default {@code 1000-3000}), {@code homeAgent}
 * ({@code true} makes the router advertise itself as home agent; default false). A bad entry is
 * refused with a message naming the entry and the key.
 */
final class SimTopology {
    /** The topology when the configuration names none. */
    static final String[] DEFAULT_LINKS = {
        "wlan0 2001:db8:a::/64 rate=54M delay=5 loss=0 type=wlan",
        "wwan0 2001:db8:b::/64 rate=10M delay=40 loss=0 type=wwan",
        "eth0 2001:db8:c::/64 rate=1G delay=1 loss=0"
    };

    /** One uplink, its link and its router. */
    record Uplink(String name, IpPrefix prefix, long rate, Duration delay, double loss, String type,
            Duration raMin, Duration raMax, boolean homeAgent) {
    }

    private final List<Uplink> uplinks;

    private SimTopology(List<Uplink> uplinks) {
        this.uplinks = List.copyOf(uplinks);
    }

    List<Uplink> uplinks() {
        return uplinks;
    }

    /**
     * @param entries the {@code links} values, null or empty for {@link #DEFAULT_LINKS}
     * @return the topology
     * @throws IllegalArgumentException naming the entry and key of a bad value
     */
    static SimTopology parse(String[] entries) {
        String[] e = entries == null || entries.length == 0 ? DEFAULT_LINKS : entries;
        List<Uplink> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < e.length; k++) {
            Uplink u = parseEntry("links[" + k + "] '" + e[k] + "'", e[k]);
            if (!names.add(u.name())) {
                throw new IllegalArgumentException("links[" + k + "]: interface " + u.name() + " appears twice");
            }
            out.add(u);
        }
        return new SimTopology(out);
    }

    private static Uplink parseEntry(String where, String entry) {
        String[] words = entry.trim().split("\\s+");
        if (words.length < 2 || words[0].isEmpty()) {
            throw new IllegalArgumentException(where + ": expected NAME PREFIX [key=value ...]");
        }
        String name = words[0];
        if (!name.matches("[^/:\\s]{1,15}")) {
            throw new IllegalArgumentException(where + ": name '" + name + "' is not an interface name");
        }
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(words[1]).network();
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": prefix: " + ex.getMessage(), ex);
        }
        if (!prefix.isIpv6() || prefix.length() != 64) {
            throw new IllegalArgumentException(where + ": prefix " + prefix + " is not an IPv6 /64");
        }
        long rate = 0;
        Duration delay = Duration.ZERO;
        double loss = 0;
        String type = "";
        Duration raMin = Duration.ofSeconds(1);
        Duration raMax = Duration.ofSeconds(3);
        boolean homeAgent = false;
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": '" + words[i] + "' is not key=value");
            }
            String key = words[i].substring(0, eq);
            String value = words[i].substring(eq + 1);
            switch (key) {
                case "rate" -> rate = rate(where, value);
                case "delay" -> delay = Duration.ofMillis(nonNegative(where, key, value));
                case "loss" -> loss = probability(where, value);
                case "type" -> type = value;
                case "raInterval" -> {
                    String[] mm = value.split("-", 2);
                    raMin = Duration.ofMillis(nonNegative(where, key, mm[0]));
                    raMax = mm.length == 2 ? Duration.ofMillis(nonNegative(where, key, mm[1])) : raMin;
                    if (raMin.isZero() || raMax.compareTo(raMin) < 0) {
                        throw new IllegalArgumentException(where + ": raInterval '" + value
                                + "' must be MIN-MAX milliseconds with 0 < MIN <= MAX");
                    }
                }
                case "homeAgent" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException(where + ": homeAgent '" + value + "' is not true or false");
                    }
                    homeAgent = Boolean.parseBoolean(value);
                }
                default -> throw new IllegalArgumentException(where + ": unknown key '" + key
                        + "' (rate, delay, loss, type, raInterval, homeAgent)");
            }
        }
        return new Uplink(name, prefix, rate, delay, loss, type, raMin, raMax, homeAgent);
    }

    private static long rate(String where, String value) {
        String v = value.trim();
        long unit = 1;
        if (!v.isEmpty()) {
            switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
                case 'k' -> unit = 1_000L;
                case 'm' -> unit = 1_000_000L;
                case 'g' -> unit = 1_000_000_000L;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        return nonNegative(where, "rate", digits) * unit;
    }

    private static long nonNegative(String where, String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + key + " '" + value + "' is not a non-negative whole number");
    }

    private static double probability(String where, String value) {
        try {
            double p = Double.parseDouble(value.trim());
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": loss '" + value + "' is not a probability 0..1");
    }

    /**
     * Builds the topology in a network: node {@code node} with one interface per uplink, each on
     * link {@code NAME} to router {@code ar-NAME}.
     *
     * @param network the network
     * @return the node
     */
    SimPlatform build(SimNetwork network) {
        SimPlatform node = network.node("node");
        for (Uplink u : uplinks) {
            SimLink link = network.link(u.name()).rate(u.rate()).delay(u.delay()).loss(u.loss());
            network.router("ar-" + u.name()).attach(link, RaConfig.of(u.prefix())
                    .withIntervals(u.raMin(), u.raMax()).withRouterLifetime(u.raMax().multipliedBy(3)
                            .compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                            : Duration.ofSeconds((u.raMax().multipliedBy(3).toMillis() + 999) / 1000))
                    .withHomeAgent(u.homeAgent()));
            SimInterface i = node.addInterface(u.name(), link);
            boolean wlan = u.type().toLowerCase(Locale.ROOT).equals("wlan");
            i.details(u.type(), wlan);
            if (wlan) {
                i.station("anyhome-sim", "02:00:00:00:00:01", -55, 2412);
            }
        }
        return node;
    }
}
