package io.anyhome.packet.describe;

import io.anyhome.api.AddressText;
import io.anyhome.packet.SequenceNumbers;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingAuthorizationData;
import io.anyhome.packet.mh.BindingIdentifier;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.Ipv4AddressAcknowledgement;
import io.anyhome.packet.mh.Ipv4CareOfAddress;
import io.anyhome.packet.mh.Ipv4HomeAddress;
import io.anyhome.packet.mh.MobileNetworkPrefix;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import io.anyhome.packet.mh.NatDetection;
import io.anyhome.packet.mh.NonceIndices;
import io.anyhome.packet.mh.UnknownMobilityOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mobility options of a Mobility Header message (RFC 6275 §6.2, RFC 3963, RFC 4283,
 * RFC 4285, RFC 5555, RFC 5648), each as an object with its {@code "type"} name and
 * {@code "typeCode"}; an option the codec does not decode as type code and hex data. Padding is
 * not listed (the codec drops it).
 */
final class MobilityOptionsLayer {
    private MobilityOptionsLayer() {
    }

    static List<Object> describe(List<MobilityOption> options) {
        List<Object> list = new ArrayList<>();
        for (MobilityOption o : options) {
            list.add(describe(o));
        }
        return list;
    }

    private static Map<String, Object> describe(MobilityOption o) {
        Map<String, Object> m = Json.object();
        if (o instanceof BindingRefreshAdvice bra) {
            start(m, "bindingRefreshAdvice", o);
            m.put("refreshIntervalUnits", bra.refreshIntervalUnits());
            m.put("refreshIntervalSeconds", SequenceNumbers.lifetimeSeconds(bra.refreshIntervalUnits()));
        } else if (o instanceof AlternateCareOfAddress acoa) {
            start(m, "alternateCareOfAddress", o);
            m.put("address", AddressText.format(acoa.address()));
        } else if (o instanceof NonceIndices ni) {
            start(m, "nonceIndices", o);
            m.put("homeNonceIndex", ni.homeNonceIndex());
            m.put("careOfNonceIndex", ni.careOfNonceIndex());
        } else if (o instanceof BindingAuthorizationData bad) {
            start(m, "bindingAuthorizationData", o);
            m.put("authenticator", Json.hex(bad.authenticator()));
        } else if (o instanceof MobileNetworkPrefix mnp) {
            start(m, "mobileNetworkPrefix", o);
            m.put("prefixLength", mnp.prefixLength());
            m.put("prefix", AddressText.format(mnp.prefix()));
        } else if (o instanceof MobileNodeIdentifier id) {
            start(m, "mobileNodeIdentifier", o);
            m.put("subtype", id.subtype());
            m.put("identifier", Json.hex(id.identifier()));
            if (id.subtype() == MobileNodeIdentifier.SUBTYPE_NAI) {
                m.put("nai", id.identifierText());
            }
        } else if (o instanceof MobilityMessageAuthentication auth) {
            start(m, "mobilityMessageAuthentication", o);
            m.put("subtype", auth.subtype());
            m.put("subtypeName", authenticationSubtype(auth.subtype()));
            m.put("spi", auth.spi());
            m.put("authenticator", Json.hex(auth.authenticator()));
        } else if (o instanceof MobilityMessageReplayProtection replay) {
            start(m, "mobilityMessageReplayProtection", o);
            m.put("timestamp", Json.hex64(replay.timestamp()));
        } else if (o instanceof Ipv4HomeAddress hoa) {
            start(m, "ipv4HomeAddress", o);
            m.put("prefixLength", hoa.prefixLength());
            m.put("prefixRequested", hoa.prefixRequested());
            m.put("address", AddressText.format(hoa.address()));
        } else if (o instanceof Ipv4AddressAcknowledgement ack) {
            start(m, "ipv4AddressAcknowledgement", o);
            m.put("status", ack.status());
            m.put("prefixLength", ack.prefixLength());
            m.put("address", AddressText.format(ack.address()));
        } else if (o instanceof NatDetection nat) {
            start(m, "natDetection", o);
            m.put("forceUdp", nat.forceUdp());
            m.put("refreshTimeSeconds", nat.refreshTimeSeconds());
        } else if (o instanceof Ipv4CareOfAddress coa) {
            start(m, "ipv4CareOfAddress", o);
            m.put("address", AddressText.format(coa.address()));
        } else if (o instanceof BindingIdentifier bid) {
            start(m, "bindingIdentifier", o);
            m.put("bid", bid.bid());
            m.put("status", bid.status());
            m.put("simultaneousHomeAndForeign", bid.simultaneousHomeAndForeign());
            m.put("priority", bid.priority());
            bid.careOfAddress().ifPresent(a -> m.put("careOfAddress", AddressText.format(a)));
        } else if (o instanceof UnknownMobilityOption unknown) {
            start(m, "unknown", o);
            m.put("data", Json.hex(unknown.data()));
        }
        return m;
    }

    private static void start(Map<String, Object> m, String name, MobilityOption o) {
        m.put("type", name);
        m.put("typeCode", o.type());
    }

    /** Mobility Message Authentication option subtypes (RFC 4285 §5). */
    private static String authenticationSubtype(int subtype) {
        return switch (subtype) {
            case MobilityMessageAuthentication.SUBTYPE_MN_HA -> "MN-HA";
            case MobilityMessageAuthentication.SUBTYPE_MN_AAA -> "MN-AAA";
            default -> "subtype " + subtype;
        };
    }
}
