package io.anyhome.packet.mh;

import java.util.List;

/**
 * Binding Refresh Request (RFC 6275 §6.1.2, MH type 0): asks the mobile node to refresh its
 * binding. Message data: Reserved (16), then options.
 *
 * @param options the mobility options
 */
public record BindingRefreshRequest(List<MobilityOption> options) implements MobilityMessage {
    /** Copies the options. */
    public BindingRefreshRequest {
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.BINDING_REFRESH_REQUEST;
    }
}
