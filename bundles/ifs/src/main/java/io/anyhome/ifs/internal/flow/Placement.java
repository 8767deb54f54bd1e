package io.anyhome.ifs.internal.flow;

import io.anyhome.api.ifs.FlowDTO;

/** What placed a flow, as stored per flow slot: the values of {@link FlowDTO#assignedBy}. */
enum Placement {
    DEFAULT(FlowDTO.BY_DEFAULT),
    RULE(FlowDTO.BY_RULE),
    FLOW(FlowDTO.BY_FLOW),
    PIN(FlowDTO.BY_PIN);

    private static final Placement[] BY_ORDINAL = values();
    final String dtoValue;

    Placement(String dtoValue) {
        this.dtoValue = dtoValue;
    }

    static Placement of(byte ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
