package io.anyhome.packet.mh;

import java.net.Inet6Address;
import java.util.List;

/**
 * Binding Error (RFC 6275 §6.1.9, MH type 7). Message data: Status (8), Reserved (8), Home
 * Address (128), options.
 *
 * @param status {@link #STATUS_UNKNOWN_BINDING} or {@link #STATUS_UNRECOGNIZED_MH_TYPE}, or
 *     another value kept as received
 * @param homeAddress the home address from the offending packet's Home Address option, or the
 *     unspecified address
 * @param options the mobility options
 */
public record BindingError(int status, Inet6Address homeAddress, List<MobilityOption> options)
        implements MobilityMessage {
    /** Unknown binding for a Home Address destination option. */
    public static final int STATUS_UNKNOWN_BINDING = 1;
    /** Unrecognized MH Type value. */
    public static final int STATUS_UNRECOGNIZED_MH_TYPE = 2;

    /** Validates the status and copies the options. */
    public BindingError {
        Fields.unsigned("Status", status, 8);
        Fields.required("homeAddress", homeAddress);
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.BINDING_ERROR;
    }
}
