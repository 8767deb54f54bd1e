package io.anyhome.packet.mh;

import io.anyhome.packet.SequenceNumbers;
import java.util.List;

/**
 * Binding Acknowledgement (RFC 6275 §6.1.8, MH type 6), the home agent's answer to a
 * {@link BindingUpdate}; match it to the update by sequence number.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |    Status     |K|R|P|T|B| Res |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Sequence #          |            Lifetime           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                        Mobility options                       .
 * </pre>
 *
 * @param status the Status
 * @param flags the 8-bit flags byte ({@link #FLAG_K} ...), reserved bits kept
 * @param sequence the Sequence # of the update (or the last accepted one, status 135)
 * @param lifetimeUnits the granted Lifetime in 4-second units
 * @param options the mobility options
 */
public record BindingAcknowledgement(BindingAckStatus status, int flags, int sequence,
        int lifetimeUnits, List<MobilityOption> options) implements MobilityMessage {
    /** Key management mobility capability. */
    public static final int FLAG_K = 0x80;
    /** Mobile router (RFC 3963). */
    public static final int FLAG_R = 0x40;
    /** Proxy registration (RFC 5213). */
    public static final int FLAG_P = 0x20;
    /** TLV-header format (RFC 5845). */
    public static final int FLAG_T = 0x10;
    /** Bulk binding update (RFC 6602). */
    public static final int FLAG_B = 0x08;

    /** Validates the field ranges and copies the options. */
    public BindingAcknowledgement {
        Fields.required("status", status);
        Fields.unsigned("flags", flags, 8);
        Fields.unsigned("Sequence #", sequence, 16);
        Fields.unsigned("Lifetime", lifetimeUnits, 16);
        options = List.copyOf(options);
    }

    /**
     * @param flag one of the FLAG_ constants
     * @return whether it is set
     */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** @return the lifetime in seconds */
    public long lifetimeSeconds() {
        return SequenceNumbers.lifetimeSeconds(lifetimeUnits);
    }

    @Override
    public int type() {
        return MobilityHeaderType.BINDING_ACKNOWLEDGEMENT;
    }
}
