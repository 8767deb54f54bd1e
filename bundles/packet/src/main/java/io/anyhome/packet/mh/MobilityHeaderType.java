package io.anyhome.packet.mh;

/**
 * The MH Type registry (RFC 6275 §6.1.2 and the IANA "Mobility Header Types" registry): numbers
 * and names for logs and the decoder's messages. Types without a record here decode as
 * {@link RawMobilityMessage}.
 */
public final class MobilityHeaderType {
    /** Binding Refresh Request (§6.1.2). */
    public static final int BINDING_REFRESH_REQUEST = 0;
    /** Home Test Init (§6.1.3). */
    public static final int HOME_TEST_INIT = 1;
    /** Care-of Test Init (§6.1.4). */
    public static final int CARE_OF_TEST_INIT = 2;
    /** Home Test (§6.1.5). */
    public static final int HOME_TEST = 3;
    /** Care-of Test (§6.1.6). */
    public static final int CARE_OF_TEST = 4;
    /** Binding Update (§6.1.7). */
    public static final int BINDING_UPDATE = 5;
    /** Binding Acknowledgement (§6.1.8). */
    public static final int BINDING_ACKNOWLEDGEMENT = 6;
    /** Binding Error (§6.1.9). */
    public static final int BINDING_ERROR = 7;
    /** Heartbeat (RFC 5847 §5.1). */
    public static final int HEARTBEAT = 13;

    private static final String[] NAMES = {
        "Binding Refresh Request", "Home Test Init", "Care-of Test Init", "Home Test",
        "Care-of Test", "Binding Update", "Binding Acknowledgement", "Binding Error",
        "Fast Binding Update", "Fast Binding Acknowledgment", "Fast Neighbor Advertisement",
        "Experimental Mobility Header", "Home Agent Switch", "Heartbeat", "Handover Initiate",
        "Handover Acknowledge", "Binding Revocation", "Localized Routing Initiation",
        "Localized Routing Acknowledgment",
    };

    private MobilityHeaderType() {
    }

    /**
     * @param type an MH Type value
     * @return true if it decodes into its own record (BRR to BE, Heartbeat), false if into a
     *     {@link RawMobilityMessage}
     */
    static boolean hasRecord(int type) {
        return (type >= BINDING_REFRESH_REQUEST && type <= BINDING_ERROR) || type == HEARTBEAT;
    }

    /**
     * @param type an MH Type value
     * @return its registered name, or "MH type N" for an unassigned one
     */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "MH type " + type;
    }
}
