package io.anyhome.api.ifs;

/**
 * A match on flows by protocol, port and DSCP, used in a {@link Decision} to place flows (also
 * new ones that appear between policy evaluations) and in operator pins. Immutable.
 *
 * <p>A port range matches if either the source or the destination port lies in it, so a rule for
 * port 22 covers both an ssh client and an ssh server on the node. A rule with every field at
 * "any" matches every flow.
 *
 * @param protocol the protocol number, or {@link #ANY}
 * @param portFrom the first port of the range, 0..65535
 * @param portTo the last port of the range, portFrom..65535
 * @param dscp the DSCP value 0..63, or {@link #ANY}
 */
public record FlowRule(int protocol, int portFrom, int portTo, int dscp) {

    /** "Any" for {@link #protocol} and {@link #dscp}. */
    public static final int ANY = -1;

    /**
     * Validates the fields.
     *
     * @param protocol the protocol number, or {@link #ANY}
     * @param portFrom the first port of the range, 0..65535
     * @param portTo the last port of the range, portFrom..65535
     * @param dscp the DSCP value 0..63, or {@link #ANY}
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public FlowRule {
        if (protocol != ANY && (protocol < 0 || protocol > 255)) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 0..255 (or -1 for any)");
        }
        if (portFrom < 0 || portTo > 65535 || portFrom > portTo) {
            throw new IllegalArgumentException("port range " + portFrom + ".." + portTo
                    + " is not within 0..65535 with portFrom <= portTo");
        }
        if (dscp != ANY && (dscp < 0 || dscp > 63)) {
            throw new IllegalArgumentException("dscp " + dscp + " is outside 0..63 (or -1 for any)");
        }
    }

    /** @return a rule matching every flow */
    public static FlowRule any() {
        return new FlowRule(ANY, 0, 65535, ANY);
    }

    /**
     * @param protocol a protocol number
     * @return a rule matching every flow of the protocol
     */
    public static FlowRule protocol(int protocol) {
        return new FlowRule(protocol, 0, 65535, ANY);
    }

    /**
     * @param protocol a protocol number
     * @param port a port
     * @return a rule matching flows of the protocol with the port at either end
     */
    public static FlowRule port(int protocol, int port) {
        return new FlowRule(protocol, port, port, ANY);
    }

    /**
     * @param dscp a DSCP value
     * @return a rule matching every flow marked with it
     */
    public static FlowRule dscp(int dscp) {
        return new FlowRule(ANY, 0, 65535, dscp);
    }

    /**
     * @param key a flow
     * @param flowDscp the DSCP of the flow's packets
     * @return true if the rule matches the flow
     */
    public boolean matches(FlowKey key, int flowDscp) {
        if (protocol != ANY && protocol != key.protocol()) {
            return false;
        }
        if (dscp != ANY && dscp != flowDscp) {
            return false;
        }
        return inRange(key.sourcePort()) || inRange(key.destinationPort());
    }

    private boolean inRange(int port) {
        return port >= portFrom && port <= portTo;
    }

    /**
     * The text form of a rule, the one syntax used by configuration ({@code duplicate=} of the
     * redundant policy) and the shell ({@code ifs:pin}): {@code all}, or terms joined by {@code +},
     * each kind at most once:
     * <ul>
     * <li>{@code tcp}, {@code udp}, {@code icmpv6} or {@code proto:N} (0..255): the protocol;</li>
     * <li>{@code tcp:P}, {@code udp:P-Q} (the protocol and a port or range) or {@code port:P[-Q]}
     *     (any protocol): a port at either end of the flow, 0..65535;</li>
     * <li>{@code dscp:N}: the DSCP, 0..63.</li>
     * </ul>
     * For example {@code tcp:22}, {@code udp:5000-5010}, {@code dscp:46}, {@code proto:47},
     * {@code tcp:443+dscp:10}. {@link #toString()} writes this form.
     */
    public static final String SYNTAX = "'all' or terms joined by '+', each kind at most once:"
            + " tcp, udp, icmpv6 or proto:N (protocol, N 0..255); tcp:P, udp:P-Q or port:P[-Q]"
            + " (port or range at either end, 0..65535); dscp:N (0..63);"
            + " e.g. tcp:22, udp:5000-5010, dscp:46, proto:47, tcp:443+dscp:10";

    /**
     * Reads the text form ({@link #SYNTAX}), case-insensitive.
     *
     * @param text the rule
     * @return the rule
     * @throws IllegalArgumentException naming the offending term and the syntax
     */
    public static FlowRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty flow rule; expected " + SYNTAX);
        }
        String rule = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (rule.equals("all") || rule.equals("any")) {
            return any();
        }
        int protocol = ANY;
        int[] ports = null;
        int dscp = ANY;
        for (String term : rule.split("\\+", -1)) {
            String t = term.strip();
            int colon = t.indexOf(':');
            String kind = colon < 0 ? t : t.substring(0, colon);
            String value = colon < 0 ? null : t.substring(colon + 1);
            switch (kind) {
                case "tcp", "udp", "icmpv6" -> {
                    protocol = once(t, "protocol", protocol,
                            kind.equals("tcp") ? FlowKey.TCP : kind.equals("udp") ? FlowKey.UDP : FlowKey.ICMPV6);
                    if (value != null) {
                        if (kind.equals("icmpv6")) {
                            throw new IllegalArgumentException("'" + t + "': icmpv6 has no ports");
                        }
                        ports = ports(t, ports, value);
                    }
                }
                case "proto" -> protocol = once(t, "protocol", protocol, number(t, value, 255, "protocol"));
                case "port" -> ports = ports(t, ports, value);
                case "dscp" -> dscp = once(t, "dscp", dscp, number(t, value, 63, "dscp"));
                case "all", "any" -> throw new IllegalArgumentException("'" + t + "' cannot be combined with other terms");
                default -> throw new IllegalArgumentException("'" + t + "' is not a flow rule term; expected " + SYNTAX);
            }
        }
        return new FlowRule(protocol, ports == null ? 0 : ports[0], ports == null ? 65535 : ports[1], dscp);
    }

    private static int once(String term, String what, int current, int value) {
        if (current != ANY) {
            throw new IllegalArgumentException("'" + term + "': the " + what + " is given twice");
        }
        return value;
    }

    private static int[] ports(String term, int[] current, String value) {
        if (current != null) {
            throw new IllegalArgumentException("'" + term + "': the port is given twice");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("'" + term + "' needs a port or range, e.g. port:5060 or port:5004-5005");
        }
        int dash = value.indexOf('-');
        int from = number(term, dash < 0 ? value : value.substring(0, dash), 65535, "port");
        int to = dash < 0 ? from : number(term, value.substring(dash + 1), 65535, "port");
        if (to < from) {
            throw new IllegalArgumentException("'" + term + "': port range " + value + " ends before it starts");
        }
        return new int[] {from, to};
    }

    private static int number(String term, String value, int max, String what) {
        if (value == null || !value.matches("[0-9]{1,5}") || Integer.parseInt(value) > max) {
            throw new IllegalArgumentException("'" + term + "': " + what + " '" + (value == null ? "" : value)
                    + "' is not a whole number 0.." + max);
        }
        return Integer.parseInt(value);
    }

    /** @return the text form {@link #parse} reads, e.g. {@code tcp:22}, {@code dscp:46}, {@code all} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String ports = portFrom == 0 && portTo == 65535 ? null
                : portFrom == portTo ? Integer.toString(portFrom) : portFrom + "-" + portTo;
        switch (protocol) {
            case ANY -> {
                if (ports != null) {
                    sb.append("port:").append(ports);
                }
            }
            case FlowKey.TCP, FlowKey.UDP -> {
                sb.append(protocol == FlowKey.TCP ? "tcp" : "udp");
                if (ports != null) {
                    sb.append(':').append(ports);
                }
            }
            default -> {
                sb.append(protocol == FlowKey.ICMPV6 && ports == null ? "icmpv6" : "proto:" + protocol);
                if (ports != null) {
                    sb.append("+port:").append(ports);
                }
            }
        }
        if (dscp != ANY) {
            sb.append(sb.length() > 0 ? "+" : "").append("dscp:").append(dscp);
        }
        return sb.length() == 0 ? "all" : sb.toString();
    }
}
