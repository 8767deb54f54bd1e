package io.anyhome.shell.internal;

import org.osgi.framework.Bundle;

/** Bundle states in the words {@code lb} uses, for {@link NodeInspector}. */
final class BundleStates {
    static final int RESOLVED = Bundle.RESOLVED;
    static final int ACTIVE = Bundle.ACTIVE;

    private BundleStates() {
    }

    static String name(int state) {
        switch (state) {
            case Bundle.UNINSTALLED:
                return "UNINSTALLED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            default:
                return "UNKNOWN(" + state + ")";
        }
    }
}
