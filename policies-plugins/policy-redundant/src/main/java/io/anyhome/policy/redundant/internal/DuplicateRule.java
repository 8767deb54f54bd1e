package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import java.util.Locale;

/**
 * One entry of the redundant policy's {@code duplicate} key: a {@link FlowRule} written as one or
 * more parts joined by {@code +}, each part one of
 * <ul>
 * <li>{@code udp}, {@code tcp}, {@code icmpv6}: the protocol;</li>
 * <li>{@code udp:PORTS}, {@code tcp:PORTS}: the protocol and a port or range ({@code 5060},
 *     {@code 5004-5005}) at either end of the flow;</li>
 * <li>{@code proto:N}: protocol number 0..255;</li>
 * <li>{@code port:PORTS}: a port or range at either end, any protocol;</li>
 * <li>{@code dscp:N}: DSCP 0..63.</li>
 * </ul>
 * e.g. {@code udp:5060}, {@code tcp:22}, {@code dscp:46}, {@code proto:17},
 * {@code udp:5004-5005+dscp:46}. Each of protocol, port and DSCP may be given once per entry.
 *
 * @param text the entry as configured
 * @param rule the match it stands for
 */
record DuplicateRule(String text, FlowRule rule) {

    /**
     * @param key the configuration key, named in the error
     * @param text one entry
     * @return the rule
     * @throws IllegalArgumentException naming the key and the entry if it is malformed
     */
    static DuplicateRule parse(String key, String text) {
        int protocol = FlowRule.ANY;
        int[] ports = null;
        int dscp = FlowRule.ANY;
        for (String part : text.toLowerCase(Locale.ROOT).split("\\+", -1)) {
            int colon = part.indexOf(':');
            String word = colon < 0 ? part : part.substring(0, colon);
            String value = colon < 0 ? null : part.substring(colon + 1);
            switch (word) {
                case "udp", "tcp", "icmpv6" -> {
                    protocol = once(key, text, "protocol", protocol,
                            word.equals("udp") ? FlowKey.UDP : word.equals("tcp") ? FlowKey.TCP : FlowKey.ICMPV6);
                    if (value != null) {
                        if (word.equals("icmpv6")) {
                            throw bad(key, text, "icmpv6 has no ports");
                        }
                        ports = ports(key, text, ports, value);
                    }
                }
                case "proto" -> protocol = once(key, text, "protocol", protocol, number(key, text, value, 255));
                case "port" -> ports = ports(key, text, ports, value);
                case "dscp" -> dscp = once(key, text, "dscp", dscp, number(key, text, value, 63));
                default -> throw bad(key, text, "'" + part + "' is not udp[:PORTS], tcp[:PORTS], icmpv6, proto:N,"
                        + " port:PORTS or dscp:N");
            }
        }
        FlowRule rule = new FlowRule(protocol, ports == null ? 0 : ports[0], ports == null ? 65535 : ports[1], dscp);
        return new DuplicateRule(text, rule);
    }

    private static int once(String key, String text, String what, int current, int value) {
        if (current != FlowRule.ANY) {
            throw bad(key, text, "gives the " + what + " twice");
        }
        return value;
    }

    private static int[] ports(String key, String text, int[] current, String value) {
        if (current != null) {
            throw bad(key, text, "gives the port twice");
        }
        if (value == null) {
            throw bad(key, text, "port: needs a port or range, e.g. port:5060 or port:5004-5005");
        }
        int dash = value.indexOf('-');
        int from = number(key, text, dash < 0 ? value : value.substring(0, dash), 65535);
        int to = dash < 0 ? from : number(key, text, value.substring(dash + 1), 65535);
        if (to < from) {
            throw bad(key, text, "port range " + value + " ends before it starts");
        }
        return new int[] {from, to};
    }

    private static int number(String key, String text, String value, int max) {
        if (value == null || !value.matches("[0-9]{1,5}") || Integer.parseInt(value) > max) {
            throw bad(key, text, "'" + value + "' is not a whole number 0.." + max);
        }
        return Integer.parseInt(value);
    }

    private static IllegalArgumentException bad(String key, String text, String why) {
        return new IllegalArgumentException(key + ": '" + text + "': " + why);
    }

    @Override
    public String toString() {
        return text;
    }
}
