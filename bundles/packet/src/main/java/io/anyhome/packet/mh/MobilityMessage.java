package io.anyhome.packet.mh;

import java.util.List;

/**
 * One Mobility Header message (RFC 6275 §6.1), as decoded by {@link MobilityHeader#decode} and
 * encoded by {@link MobilityHeader#encode}. Implementations are immutable records, one per MH
 * type; a type this package does not know is a {@link RawMobilityMessage}.
 */
public sealed interface MobilityMessage permits BindingRefreshRequest, HomeTestInit,
        CareOfTestInit, HomeTest, CareOfTest, BindingUpdate, BindingAcknowledgement,
        BindingError, Heartbeat, RawMobilityMessage {

    /** @return the MH Type field (see {@link MobilityHeaderType}) */
    int type();

    /** @return the mobility options in wire order, padding excluded (empty for raw messages) */
    List<MobilityOption> options();
}
