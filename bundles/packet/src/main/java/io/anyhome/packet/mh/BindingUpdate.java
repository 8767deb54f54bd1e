package io.anyhome.packet.mh;

import io.anyhome.packet.SequenceNumbers;
import java.util.List;

/**
 * Binding Update (RFC 6275 §6.1.7, MH type 5), sent by the mobile node ({@code mobility}) and
 * processed by the home agent ({@code homeagent}).
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|H|L|K|M|R|P|F|T|B| Reserved  |            Lifetime           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                        Mobility options                       .
 * </pre>
 *
 * <p>The flags word is kept whole, reserved bits included, so a received message re-encodes
 * unchanged.
 *
 * @param sequence the Sequence # (0..65535; compare with {@link SequenceNumbers#isNewer})
 * @param flags the 16-bit flags word ({@link #FLAG_A} ...)
 * @param lifetimeUnits the Lifetime in 4-second units, 0 to delete the binding
 * @param options the mobility options
 */
public record BindingUpdate(int sequence, int flags, int lifetimeUnits,
        List<MobilityOption> options) implements MobilityMessage {
    /** Acknowledge requested. */
    public static final int FLAG_A = 0x8000;
    /** Home registration. */
    public static final int FLAG_H = 0x4000;
    /** Link-local address compatibility. */
    public static final int FLAG_L = 0x2000;
    /** Key management mobility capability. */
    public static final int FLAG_K = 0x1000;
    /** MAP registration (RFC 5380). */
    public static final int FLAG_M = 0x0800;
    /** Mobile router (RFC 3963). */
    public static final int FLAG_R = 0x0400;
    /** Proxy registration (RFC 5213). */
    public static final int FLAG_P = 0x0200;
    /** Force UDP encapsulation (RFC 5555). */
    public static final int FLAG_F = 0x0100;
    /** TLV-header format (RFC 5845). */
    public static final int FLAG_T = 0x0080;
    /** Bulk binding update (RFC 6602). */
    public static final int FLAG_B = 0x0040;

    /** Validates the field ranges and copies the options. */
    public BindingUpdate {
        Fields.unsigned("Sequence #", sequence, 16);
        Fields.unsigned("flags", flags, 16);
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
        return MobilityHeaderType.BINDING_UPDATE;
    }
}
