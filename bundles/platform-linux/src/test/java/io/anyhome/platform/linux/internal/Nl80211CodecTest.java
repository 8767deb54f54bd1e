package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nl80211 messages built by hand (little-endian host), as a client interface associated with an AP answers. */
class Nl80211CodecTest {
    @BeforeEach
    void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the bytes are little-endian");
    }

    private static NetlinkMessage message(int type, String payloadHex) {
        return new NetlinkMessage(type, 0, 1, 0,
                ByteBuffer.wrap(HexFormat.of().parseHex(payloadHex)).order(ByteOrder.nativeOrder()));
    }

    @Test
    void givenTheFamilyRequest_whenEncoded_thenItAsksTheControllerForNl80211() {
        assertThat(HexFormat.of().formatHex(Nl80211Codec.familyRequest().build(3).array()))
                .isEqualTo("20000000" + "1000" + "0100" + "03000000" + "00000000" // nlmsghdr: GENL_ID_CTRL, request
                        + "03010000" // CTRL_CMD_GETFAMILY, version 1
                        + "0c000200" + "6e6c383032313100"); // CTRL_ATTR_FAMILY_NAME "nl80211\0"
    }

    @Test
    void givenTheControllersAnswer_whenDecoded_thenTheFamilyIdIsRead() throws Exception {
        // CTRL_CMD_NEWFAMILY (1), CTRL_ATTR_FAMILY_NAME "nl80211", CTRL_ATTR_FAMILY_ID 0x1c
        NetlinkMessage reply = message(0x10, "01020000" + "0c0002006e6c383032313100" + "060001001c000000");

        assertThat(Nl80211Codec.familyId(List.of(reply))).isEqualTo(0x1c);
    }

    @Test
    void givenAnInterfaceAnswer_whenDecoded_thenSsidAndFrequencyAreRead() throws Exception {
        // NL80211_CMD_NEW_INTERFACE (7), IFINDEX 3, WIPHY_FREQ 2412, SSID "lab"
        NetlinkMessage reply = message(0x1c, "07010000" + "0800030003000000" + "080026006c090000" + "070034006c616200");

        assertThat(Nl80211Codec.decodeInterface(reply)).isEqualTo(new Nl80211Codec.Interface("lab", 2412));
    }

    @Test
    void givenAStationAnswer_whenDecoded_thenBssidAndSignedSignalAreRead() throws Exception {
        // NL80211_CMD_NEW_STATION (19), MAC 02:00:5e:00:53:01, STA_INFO { INACTIVE_TIME 10, SIGNAL -52 }
        NetlinkMessage reply = message(0x1c, "13010000" + "0a00060002005e0053010000"
                + "14001580" + "080001000a000000" + "05000700cc000000");

        assertThat(Nl80211Codec.decodeStation(reply)).isEqualTo(new Nl80211Codec.Station("02:00:5e:00:53:01", -52));
    }

    @Test
    void givenAStationWithoutSignal_whenDecoded_thenItIsSkipped() throws Exception {
        NetlinkMessage reply = message(0x1c, "13010000" + "0a00060002005e0053010000" + "0c001580" + "080001000a000000");

        assertThat(Nl80211Codec.decodeStation(reply)).isNull();
    }
}
