package io.anyhome.nic.cellular.internal;

import io.anyhome.api.nic.NicState;
import java.util.Arrays;
import java.util.Locale;

/**
 * A modem's network registration state (the 3GPP +CREG / ModemManager vocabulary, reduced), and
 * what it means for the interface: registered (home or roaming) leaves up/down to the link;
 * searching is {@link NicState#DORMANT}; denied or idle is {@link NicState#DOWN}; unknown says
 * nothing.
 */
enum ModemRegistration {
    HOME(null), ROAMING(null), SEARCHING(NicState.DORMANT), DENIED(NicState.DOWN), IDLE(NicState.DOWN), UNKNOWN(null);

    private final NicState state;

    ModemRegistration(NicState state) {
        this.state = state;
    }

    /** @return the state to report, or null to leave it to the link */
    NicState state() {
        return state;
    }

    /** @throws IllegalArgumentException naming the key if the text is no registration state */
    static ModemRegistration parse(String key, String text) {
        String t = text == null || text.isBlank() ? "unknown" : text.trim();
        try {
            return valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
