package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.BindingRefreshRequest;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.CareOfTest;
import io.anyhome.packet.mh.CareOfTestInit;
import io.anyhome.packet.mh.HomeTest;
import io.anyhome.packet.mh.HomeTestInit;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityHeaderType;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.RawMobilityMessage;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The Mobility Header layer of a description (RFC 6275 §6.1): the message of every MH type the
 * codec decodes, with its options ({@link MobilityOptionsLayer}), and any other type as type
 * code and hex data. The checksum is verified over the pseudo-header of §6.1.1.
 */
final class MobilityLayer {
    private static final String[] ABBREVIATIONS = {"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA",
        "BE"};

    private MobilityLayer() {
    }

    static Map<String, Object> describe(Ipv6HeaderChain chain, ByteBuffer packet)
            throws MalformedPacketException {
        int at = chain.upperLayerOffset();
        MobilityMessage message = MobilityHeader.decode(packet, at);
        boolean checksumValid = MobilityHeader.checksumValid(packet, at,
                AddressFields.read(packet, chain.pseudoHeaderSourceOffset()),
                AddressFields.read(packet, chain.pseudoHeaderDestinationOffset()));
        Map<String, Object> m = Json.object();
        int type = message.type();
        m.put("type", message instanceof RawMobilityMessage ? "other"
                : message instanceof Heartbeat ? "HB" : ABBREVIATIONS[type]);
        m.put("typeCode", type);
        m.put("typeName", MobilityHeaderType.name(type));
        m.put("payloadProto", packet.get(at + MobilityHeader.OFFSET_PAYLOAD_PROTO) & 0xff);
        m.put("length", MobilityHeader.length(packet, at));
        m.put("checksum", Json.hex16(packet.getShort(at + MobilityHeader.OFFSET_CHECKSUM)));
        m.put("checksumValid", checksumValid);
        if (message instanceof BindingUpdate bu) {
            m.put("sequence", bu.sequence());
            m.put("flags", Json.flags(bu.flags(), 16, "A", "H", "L", "K", "M", "R", "P", "F", "T",
                    "B"));
            m.put("lifetimeUnits", bu.lifetimeUnits());
            m.put("lifetimeSeconds", bu.lifetimeSeconds());
        } else if (message instanceof BindingAcknowledgement ba) {
            m.put("status", ba.status().code());
            m.put("statusName", ba.status().name());
            m.put("accepted", ba.status().accepted());
            m.put("flags", Json.flags(ba.flags(), 8, "K", "R", "P", "T", "B"));
            m.put("sequence", ba.sequence());
            m.put("lifetimeUnits", ba.lifetimeUnits());
            m.put("lifetimeSeconds", ba.lifetimeSeconds());
        } else if (message instanceof BindingError be) {
            m.put("status", be.status());
            m.put("statusName", bindingErrorStatus(be.status()));
            m.put("homeAddress", AddressText.format(be.homeAddress()));
        } else if (message instanceof Heartbeat hb) {
            m.put("flags", Json.flags((hb.unsolicited() ? 2 : 0) | (hb.response() ? 1 : 0), 8,
                    "", "", "", "", "", "", "U", "R"));
            m.put("sequence", hb.sequence());
        } else if (message instanceof HomeTestInit hoti) {
            m.put("homeInitCookie", Json.hex64(hoti.homeInitCookie()));
        } else if (message instanceof CareOfTestInit coti) {
            m.put("careOfInitCookie", Json.hex64(coti.careOfInitCookie()));
        } else if (message instanceof HomeTest hot) {
            m.put("homeNonceIndex", hot.homeNonceIndex());
            m.put("homeInitCookie", Json.hex64(hot.homeInitCookie()));
            m.put("homeKeygenToken", Json.hex64(hot.homeKeygenToken()));
        } else if (message instanceof CareOfTest cot) {
            m.put("careOfNonceIndex", cot.careOfNonceIndex());
            m.put("careOfInitCookie", Json.hex64(cot.careOfInitCookie()));
            m.put("careOfKeygenToken", Json.hex64(cot.careOfKeygenToken()));
        } else if (message instanceof RawMobilityMessage raw) {
            m.put("data", Json.hex(raw.data()));
            return m;
        } else if (!(message instanceof BindingRefreshRequest)) {
            throw new IllegalStateException("no description for " + message);
        }
        m.put("options", MobilityOptionsLayer.describe(message.options()));
        return m;
    }

    /** Binding Error Status (RFC 6275 §6.1.9). */
    private static String bindingErrorStatus(int status) {
        return switch (status) {
            case BindingError.STATUS_UNKNOWN_BINDING ->
                "Unknown binding for Home Address destination option";
            case BindingError.STATUS_UNRECOGNIZED_MH_TYPE -> "Unrecognized MH Type value";
            default -> "status " + status;
        };
    }
}
