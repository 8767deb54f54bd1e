package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stateless encoders and decoders of the generic netlink messages that read a WLAN interface's
 * station: the controller's {@code CTRL_CMD_GETFAMILY} (to learn the id of family
 * {@code nl80211}), {@code NL80211_CMD_GET_INTERFACE} (SSID, frequency) and
 * {@code NL80211_CMD_GET_STATION} dumps (the access point's BSSID and signal). Used by
 * {@link Nl80211StationReader}.
 *
 * <pre>
 * generic netlink header (4 bytes, after nlmsghdr): cmd u8, version u8, reserved u16
 * </pre>
 */
final class Nl80211Codec {
    static final int GENL_HEADER_LENGTH = 4;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    static final String FAMILY = "nl80211";

    static final int NL80211_CMD_GET_INTERFACE = 5;
    static final int NL80211_CMD_GET_STATION = 17;
    static final int NL80211_ATTR_IFINDEX = 3;
    static final int NL80211_ATTR_MAC = 6;
    static final int NL80211_ATTR_STA_INFO = 21;
    static final int NL80211_ATTR_WIPHY_FREQ = 38;
    static final int NL80211_ATTR_SSID = 52;
    static final int NL80211_STA_INFO_SIGNAL = 7;
    static final int NL80211_STA_INFO_SIGNAL_AVG = 13;

    /** What {@code NL80211_CMD_GET_INTERFACE} says: the SSID (empty if not associated) and frequency. */
    record Interface(String ssid, int frequencyMhz) {
    }

    /** One station of a station dump: for a client interface, the access point. */
    record Station(String bssid, int signalDbm) {
    }

    private Nl80211Codec() {
    }

    private static NetlinkMessageBuilder genl(int family, int flags, int command) {
        return new NetlinkMessageBuilder(family, flags).u8(command).u8(1).u16(0);
    }

    /** {@code CTRL_CMD_GETFAMILY} for {@code nl80211}. */
    static NetlinkMessageBuilder familyRequest() {
        return genl(GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY).attributeString(CTRL_ATTR_FAMILY_NAME, FAMILY);
    }

    /**
     * @param replies the answer to {@link #familyRequest()}
     * @return the family id, or -1 if the answer names none
     * @throws NetlinkMalformedException if the answer is malformed
     */
    static int familyId(List<NetlinkMessage> replies) throws NetlinkMalformedException {
        for (NetlinkMessage m : replies) {
            if (m.type() == GENL_ID_CTRL) {
                return NetlinkAttributes.parse(m.payload(), GENL_HEADER_LENGTH).u16(CTRL_ATTR_FAMILY_ID, -1);
            }
        }
        return -1;
    }

    /** {@code NL80211_CMD_GET_INTERFACE} of one interface. */
    static NetlinkMessageBuilder interfaceRequest(int family, int index) {
        return genl(family, 0, NL80211_CMD_GET_INTERFACE).attributeU32(NL80211_ATTR_IFINDEX, index);
    }

    /**
     * @param message a reply to {@link #interfaceRequest}
     * @return the SSID and frequency
     * @throws NetlinkMalformedException if the reply is malformed
     */
    static Interface decodeInterface(NetlinkMessage message) throws NetlinkMalformedException {
        NetlinkAttributes a = NetlinkAttributes.parse(message.payload(), GENL_HEADER_LENGTH);
        byte[] ssid = a.bytes(NL80211_ATTR_SSID);
        int frequency = a.u32(NL80211_ATTR_WIPHY_FREQ, 0);
        return new Interface(ssid == null ? "" : new String(ssid, StandardCharsets.UTF_8), Math.max(0, frequency));
    }

    /** {@code NL80211_CMD_GET_STATION} dump of one interface. */
    static NetlinkMessageBuilder stationDumpRequest(int family, int index) {
        return genl(family, NetlinkMessage.NLM_F_DUMP, NL80211_CMD_GET_STATION)
                .attributeU32(NL80211_ATTR_IFINDEX, index);
    }

    /**
     * @param message one reply of a station dump
     * @return the station, or null if it lacks a MAC address or a signal
     * @throws NetlinkMalformedException if the reply is malformed
     */
    static Station decodeStation(NetlinkMessage message) throws NetlinkMalformedException {
        NetlinkAttributes a = NetlinkAttributes.parse(message.payload(), GENL_HEADER_LENGTH);
        byte[] mac = a.bytes(NL80211_ATTR_MAC);
        NetlinkAttributes info = a.nested(NL80211_ATTR_STA_INFO);
        if (mac == null || mac.length != 6 || info == null) {
            return null;
        }
        int signal = info.u8(NL80211_STA_INFO_SIGNAL, info.u8(NL80211_STA_INFO_SIGNAL_AVG, Integer.MIN_VALUE));
        if (signal == Integer.MIN_VALUE) {
            return null;
        }
        return new Station(RtnetlinkDecoder.linkLayer(mac), (byte) signal);
    }

    /** @return the payload's generic netlink command, or -1 if too short */
    static int command(ByteBuffer payload) {
        return payload.limit() >= GENL_HEADER_LENGTH ? payload.get(0) & 0xff : -1;
    }
}
