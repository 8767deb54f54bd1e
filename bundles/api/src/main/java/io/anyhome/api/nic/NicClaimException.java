package io.anyhome.api.nic;

import io.anyhome.api.AnyhomeException;

/**
 * Thrown by {@link NicRegistry#claim(NicDriver, String)} when the interface is already owned by
 * another driver (code {@code CONFLICT}) or cannot be claimed (code {@code NOT_FOUND} for an
 * interface that does not exist). The message names the interface and the current owner.
 */
public class NicClaimException extends AnyhomeException {
    private static final long serialVersionUID = 1L;

    /** The interface that could not be claimed. */
    private final String interfaceName;
    /** The owning driver, or null. */
    private final String currentOwner;

    /**
     * @param code why the claim failed
     * @param interfaceName the interface
     * @param claimant the driver that asked
     * @param currentOwner the driver that owns the interface, or null if none
     */
    public NicClaimException(Code code, String interfaceName, String claimant, String currentOwner) {
        super(code, currentOwner != null
                ? "interface " + interfaceName + " is already claimed by driver '" + currentOwner
                        + "'; driver '" + claimant + "' cannot claim it"
                : "driver '" + claimant + "' cannot claim interface " + interfaceName + ": " + describe(code));
        this.interfaceName = interfaceName;
        this.currentOwner = currentOwner;
    }

    private static String describe(Code code) {
        return code == Code.NOT_FOUND ? "no such interface" : code.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the interface that could not be claimed */
    public String interfaceName() {
        return interfaceName;
    }

    /** @return the name of the driver that owns the interface, or null if none */
    public String currentOwner() {
        return currentOwner;
    }
}
