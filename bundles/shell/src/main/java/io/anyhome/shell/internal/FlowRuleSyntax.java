package io.anyhome.shell.internal;

import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;

/**
 * The FLOW argument of {@code ifs:pin}, turned into a {@link FlowRule}. Used by {@link IfsCommands}.
 *
 * <p>{@value #SYNTAX}
 *
 * <p>A port range matches either end of a flow, as {@link FlowRule} does. Anything else is refused
 * with an {@link IllegalArgumentException} naming the offending part.
 */
final class FlowRuleSyntax {
    /** The syntax, as {@code ifs:pin}'s help shows it. */
    static final String SYNTAX = "FLOW is 'all' or comma-separated terms, each at most once per kind:"
            + " tcp, udp, icmpv6 or proto:N (protocol, N 0..255);"
            + " tcp:P, udp:P, tcp:P-Q, udp:P-Q or port:P[-Q] (port or range at either end, 0..65535);"
            + " dscp:N (0..63). Examples: tcp:22, udp:5000-5010, dscp:46, proto:47, tcp:443,dscp:10";

    private FlowRuleSyntax() {
    }

    /**
     * @param text the FLOW argument
     * @return the rule it describes
     * @throws IllegalArgumentException naming what is wrong
     */
    static FlowRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty FLOW; " + SYNTAX);
        }
        String flow = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (flow.equals("all")) {
            return FlowRule.any();
        }
        Terms terms = new Terms();
        for (String term : flow.split(",", -1)) {
            terms.add(term.trim(), text);
        }
        return terms.rule();
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

    /** The terms read so far; each kind may be given once. */
    private static final class Terms {
        private int protocol = FlowRule.ANY;
        private int portFrom = 0;
        private int portTo = 65535;
        private int dscp = FlowRule.ANY;
        private boolean ports;

        void add(String term, String flow) {
            if (term.isEmpty()) {
                throw new IllegalArgumentException("FLOW '" + flow + "' has an empty term; " + SYNTAX);
            }
            if (term.equals("all")) {
                throw new IllegalArgumentException("'all' cannot be combined with other terms in FLOW '" + flow + "'");
            }
            int colon = term.indexOf(':');
            String kind = colon < 0 ? term : term.substring(0, colon);
            String value = colon < 0 ? null : term.substring(colon + 1);
            switch (kind) {
                case "tcp", "udp", "icmpv6" -> {
                    protocol(term, protocolNumber(kind));
                    if (value != null) {
                        if (kind.equals("icmpv6")) {
                            throw new IllegalArgumentException("'" + term + "': icmpv6 has no ports");
                        }
                        ports(term, required(term, value));
                    }
                }
                case "proto" -> protocol(term, number(term, required(term, value), 0, 255, "protocol"));
                case "port" -> ports(term, required(term, value));
                case "dscp" -> {
                    if (dscp != FlowRule.ANY) {
                        throw new IllegalArgumentException("'" + term + "': dscp given twice");
                    }
                    dscp = number(term, required(term, value), 0, 63, "dscp");
                }
                default -> throw new IllegalArgumentException("'" + term + "' is not a FLOW term; " + SYNTAX);
            }
        }

        FlowRule rule() {
            return new FlowRule(protocol, portFrom, portTo, dscp);
        }

        private void protocol(String term, int number) {
            if (protocol != FlowRule.ANY) {
                throw new IllegalArgumentException("'" + term + "': the protocol is given twice");
            }
            protocol = number;
        }

        private void ports(String term, String value) {
            if (ports) {
                throw new IllegalArgumentException("'" + term + "': the port is given twice");
            }
            ports = true;
            int dash = value.indexOf('-');
            if (dash < 0) {
                portFrom = number(term, value, 0, 65535, "port");
                portTo = portFrom;
                return;
            }
            portFrom = number(term, value.substring(0, dash), 0, 65535, "port");
            portTo = number(term, value.substring(dash + 1), 0, 65535, "port");
            if (portFrom > portTo) {
                throw new IllegalArgumentException("'" + term + "': port range " + portFrom + "-" + portTo
                        + " ends before it starts");
            }
        }

        private static String required(String term, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("'" + term + "' needs a value after ':'; " + SYNTAX);
            }
            return value;
        }

        private static int number(String term, String value, int min, int max, String what) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + term + "': " + what + " '" + value + "' is not a number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("'" + term + "': " + what + " " + n + " is outside " + min + ".." + max);
            }
            return n;
        }

        private static int protocolNumber(String name) {
            return switch (name) {
                case "tcp" -> FlowKey.TCP;
                case "udp" -> FlowKey.UDP;
                default -> FlowKey.ICMPV6;
            };
        }
    }
}
