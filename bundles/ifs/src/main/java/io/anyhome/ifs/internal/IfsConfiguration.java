package io.anyhome.ifs.internal;

import io.anyhome.api.ConfigurationPids;
import java.util.Map;

/**
 * The Interface Switching module's settings from {@code etc/io.anyhome.ifs.cfg}; every key is
 * optional. A bad value is refused naming the file and the key.
 *
 * @param policy the active policy's name ({@code anyhome.policy.name}); null: the policy with the
 *     highest service ranking
 * @param policyBudgetMs how long one policy evaluation may take before the policy is disabled
 * @param evaluationIntervalMs the periodic evaluation, at most 1000 (at least once a second)
 * @param flowIdleSeconds how long a flow may be silent before it leaves the flow table
 * @param flowTableSlots the flow table's size, a power of two; holds about half as many flows
 * @param handoverLogSize how many handovers {@code ifs:handovers} keeps
 * @param accountingDay the day of the month (1..28) on which usage counters start again
 */
record IfsConfiguration(String policy, int policyBudgetMs, int evaluationIntervalMs, int flowIdleSeconds,
        int flowTableSlots, int handoverLogSize, int accountingDay) {
    static final String FILE = "etc/" + ConfigurationPids.IFS + ".cfg";

    /**
     * @param props the component's merged properties
     * @return the settings
     * @throws IllegalArgumentException naming the file and key of the first bad value
     */
    static IfsConfiguration from(Map<String, ?> props) {
        String policy = text(props, "policy");
        int budget = integer(props, "policyBudgetMs", 50, 1, 10_000);
        int interval = integer(props, "evaluationIntervalMs", 1000, 10, 1000);
        int idle = integer(props, "flowIdleSeconds", 300, 1, 86_400 * 7);
        int slots = integer(props, "flowTableSlots", 65_536, 64, 1 << 24);
        if (Integer.bitCount(slots) != 1) {
            throw refused("flowTableSlots", String.valueOf(slots), "not a power of two");
        }
        int log = integer(props, "handoverLogSize", 256, 1, 100_000);
        int day = integer(props, "accountingDay", 1, 1, 28);
        return new IfsConfiguration(policy, budget, interval, idle, slots, log, day);
    }

    /**
     * @param name another active policy name, or null
     * @return these settings with that policy
     */
    IfsConfiguration withPolicy(String name) {
        return new IfsConfiguration(name, policyBudgetMs, evaluationIntervalMs, flowIdleSeconds, flowTableSlots,
                handoverLogSize, accountingDay);
    }

    private static String text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static int integer(Map<String, ?> props, String key, int fallback, int min, int max) {
        String s = text(props, key);
        if (s == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw refused(key, s, "not a whole number");
        }
        if (value < min || value > max) {
            throw refused(key, s, "outside " + min + ".." + max);
        }
        return value;
    }

    private static IllegalArgumentException refused(String key, String value, String why) {
        return new IllegalArgumentException(FILE + ": key " + key + " = " + value + ": " + why);
    }
}
