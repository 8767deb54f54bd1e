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

    /** @return for example {@code proto 6 port 22}, {@code dscp 46}, {@code any} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (protocol != ANY) {
            sb.append("proto ").append(protocol);
        }
        if (portFrom != 0 || portTo != 65535) {
            sb.append(sb.length() > 0 ? " " : "").append("port ").append(portFrom);
            if (portTo != portFrom) {
                sb.append('-').append(portTo);
            }
        }
        if (dscp != ANY) {
            sb.append(sb.length() > 0 ? " " : "").append("dscp ").append(dscp);
        }
        return sb.length() == 0 ? "any" : sb.toString();
    }
}
