package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.FlowRule;

/**
 * One entry of the redundant policy's {@code duplicate} key: a {@link FlowRule} in its text form
 * ({@link FlowRule#parse}): one or more parts joined by {@code +}, each part one of
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
        try {
            return new DuplicateRule(text, FlowRule.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
