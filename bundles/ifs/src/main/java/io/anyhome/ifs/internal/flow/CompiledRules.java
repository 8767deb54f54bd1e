package io.anyhome.ifs.internal.flow;

import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.RuleOverride;
import java.util.List;

/** A decision's rule list as primitive arrays, matched in order without allocating. */
final class CompiledRules {
    private final int[] protocol;
    private final int[] portFrom;
    private final int[] portTo;
    private final int[] dscp;
    private final int[] uplink;
    private final int pins;

    private CompiledRules(int n, int pins) {
        protocol = new int[n];
        portFrom = new int[n];
        portTo = new int[n];
        dscp = new int[n];
        uplink = new int[n];
        this.pins = pins;
    }

    /**
     * @param rules the rules in order
     * @param ids the routing's uplink ids, to index the rules' uplinks
     * @param pins how many leading rules are operator pins
     * @return the compiled rules
     */
    static CompiledRules of(List<RuleOverride> rules, List<String> ids, int pins) {
        CompiledRules c = new CompiledRules(rules.size(), pins);
        for (int i = 0; i < rules.size(); i++) {
            FlowRule r = rules.get(i).rule();
            c.protocol[i] = r.protocol();
            c.portFrom[i] = r.portFrom();
            c.portTo[i] = r.portTo();
            c.dscp[i] = r.dscp();
            c.uplink[i] = ids.indexOf(rules.get(i).uplink());
        }
        return c;
    }

    /** @return the index of the first matching rule, -1 if none (same semantics as {@link FlowRule#matches}) */
    int match(int proto, int sourcePort, int destinationPort, int flowDscp) {
        for (int i = 0; i < uplink.length; i++) {
            if ((protocol[i] == FlowRule.ANY || protocol[i] == proto)
                    && (dscp[i] == FlowRule.ANY || dscp[i] == flowDscp)
                    && ((sourcePort >= portFrom[i] && sourcePort <= portTo[i])
                            || (destinationPort >= portFrom[i] && destinationPort <= portTo[i]))) {
                return i;
            }
        }
        return -1;
    }

    int uplink(int rule) {
        return uplink[rule];
    }

    boolean isPin(int rule) {
        return rule < pins;
    }

    int[] uplinkIndexes() {
        return uplink.clone();
    }
}
