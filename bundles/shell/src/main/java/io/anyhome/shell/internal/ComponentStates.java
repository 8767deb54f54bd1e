package io.anyhome.shell.internal;

import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** Component configuration states in words, for {@link NodeInspector}. */
final class ComponentStates {
    private ComponentStates() {
    }

    static String name(int state) {
        switch (state) {
            case ComponentConfigurationDTO.ACTIVE:
                return "active";
            case ComponentConfigurationDTO.SATISFIED:
                return "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "unsatisfied reference";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "unsatisfied configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed activation";
            default:
                return "unknown(" + state + ")";
        }
    }
}
