package io.anyhome.packet.mh;

import java.util.Map;

/**
 * The Status of a {@link BindingAcknowledgement} (RFC 6275 §6.1.8 and the IANA registry): a code
 * with its registered name. Values below 128 mean the update was accepted. Codes without a name
 * here are kept as they are and named "status N".
 *
 * @param code the Status field (0..255)
 */
public record BindingAckStatus(int code) {
    /** Binding Update accepted. */
    public static final BindingAckStatus ACCEPTED = new BindingAckStatus(0);
    /** Accepted but prefix discovery necessary. */
    public static final BindingAckStatus ACCEPTED_PREFIX_DISCOVERY = new BindingAckStatus(1);
    /** Reason unspecified. */
    public static final BindingAckStatus REASON_UNSPECIFIED = new BindingAckStatus(128);
    /** Administratively prohibited. */
    public static final BindingAckStatus ADMINISTRATIVELY_PROHIBITED = new BindingAckStatus(129);
    /** Insufficient resources. */
    public static final BindingAckStatus INSUFFICIENT_RESOURCES = new BindingAckStatus(130);
    /** Home registration not supported. */
    public static final BindingAckStatus HOME_REGISTRATION_NOT_SUPPORTED =
            new BindingAckStatus(131);
    /** Not home subnet. */
    public static final BindingAckStatus NOT_HOME_SUBNET = new BindingAckStatus(132);
    /** Not home agent for this mobile node. */
    public static final BindingAckStatus NOT_HOME_AGENT = new BindingAckStatus(133);
    /** Duplicate Address Detection failed. */
    public static final BindingAckStatus DAD_FAILED = new BindingAckStatus(134);
    /** Sequence number out of window; the acknowledgement carries the last accepted one. */
    public static final BindingAckStatus SEQUENCE_OUT_OF_WINDOW = new BindingAckStatus(135);
    /** Not authorized for prefix (RFC 3963). */
    public static final BindingAckStatus NOT_AUTHORIZED_FOR_PREFIX = new BindingAckStatus(142);
    /** Identifier or timestamp mismatch (RFC 4285). */
    public static final BindingAckStatus ID_MISMATCH = new BindingAckStatus(144);
    /** Authentication failed (RFC 4285). */
    public static final BindingAckStatus AUTH_FAILED = new BindingAckStatus(146);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "Binding Update accepted"),
            Map.entry(1, "Accepted but prefix discovery necessary"),
            Map.entry(4, "MCOA NOTCOMPLETE"),
            Map.entry(5, "MCOA RETURNHOME WO/NDP"),
            Map.entry(128, "Reason unspecified"),
            Map.entry(129, "Administratively prohibited"),
            Map.entry(130, "Insufficient resources"),
            Map.entry(131, "Home registration not supported"),
            Map.entry(132, "Not home subnet"),
            Map.entry(133, "Not home agent for this mobile node"),
            Map.entry(134, "Duplicate Address Detection failed"),
            Map.entry(135, "Sequence number out of window"),
            Map.entry(136, "Expired home nonce index"),
            Map.entry(137, "Expired care-of nonce index"),
            Map.entry(138, "Expired nonces"),
            Map.entry(139, "Registration type change disallowed"),
            Map.entry(140, "Mobile Router Operation not permitted"),
            Map.entry(141, "Invalid Prefix"),
            Map.entry(142, "Not Authorized for Prefix"),
            Map.entry(143, "Forwarding Setup failed"),
            Map.entry(144, "MIPV6-ID-MISMATCH"),
            Map.entry(145, "MIPV6-MESG-ID-REQD"),
            Map.entry(146, "MIPV6-AUTH-FAIL"),
            Map.entry(164, "MCOA MALFORMED"),
            Map.entry(165, "MCOA NON-MCOA BINDING EXISTS"),
            Map.entry(166, "MCOA PROHIBITED"),
            Map.entry(167, "MCOA UNKNOWN COA"),
            Map.entry(168, "MCOA BULK REGISTRATION PROHIBITED"),
            Map.entry(169, "MCOA SIMULTANEOUS HOME AND FOREIGN PROHIBITED"),
            Map.entry(174, "Invalid Care-of Address"));

    /** Validates the range. */
    public BindingAckStatus {
        Fields.unsigned("Status", code, 8);
    }

    /**
     * @param code the Status field
     * @return the status for that code
     */
    public static BindingAckStatus of(int code) {
        return new BindingAckStatus(code);
    }

    /** @return whether the binding was accepted (code below 128) */
    public boolean accepted() {
        return code < 128;
    }

    /** @return whether the code has a registered name here */
    public boolean known() {
        return NAMES.containsKey(code);
    }

    /** @return the registered name, or "status N" */
    public String name() {
        return NAMES.getOrDefault(code, "status " + code);
    }

    @Override
    public String toString() {
        return code + " (" + name() + ")";
    }
}
