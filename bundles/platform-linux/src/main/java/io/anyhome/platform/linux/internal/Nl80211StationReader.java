package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.WirelessStation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a WLAN interface's station (SSID, BSSID, signal, frequency) over generic netlink family
 * {@code nl80211}. Empty when the family is absent (no cfg80211 in the kernel), the interface is
 * not wireless, or it is not associated. Each call opens its own socket in the calling thread's
 * network namespace. Used by {@link RtnetlinkPlatformOps#wirelessStation(int)}.
 */
final class Nl80211StationReader {

    /**
     * @param index the interface index
     * @return the station, or empty
     * @throws PlatformException if the query fails for another reason
     */
    Optional<WirelessStation> station(int index) throws PlatformException {
        String what = "read the wireless station of interface #" + index;
        try (NetlinkSocket socket = NetlinkSocket.open(Native.NETLINK_GENERIC, 0, 0)) {
            int family = familyId(socket);
            if (family < 0) {
                return Optional.empty();
            }
            Nl80211Codec.Interface iface = null;
            try {
                for (NetlinkMessage m : socket.execute(what, Nl80211Codec.interfaceRequest(family, index))) {
                    if (m.type() == family) {
                        iface = Nl80211Codec.decodeInterface(m);
                    }
                }
            } catch (ErrnoException notWireless) {
                if (isAbsence(notWireless.errno())) {
                    return Optional.empty();
                }
                throw notWireless;
            }
            if (iface == null) {
                return Optional.empty();
            }
            List<NetlinkMessage> stations = socket.dump(what, Nl80211Codec.stationDumpRequest(family, index));
            long now = System.currentTimeMillis();
            for (NetlinkMessage m : stations) {
                if (m.type() != family) {
                    continue;
                }
                Nl80211Codec.Station s = Nl80211Codec.decodeStation(m);
                if (s != null) {
                    return Optional.of(new WirelessStation(iface.ssid(), s.bssid(),
                            Math.max(-150, Math.min(30, s.signalDbm())), iface.frequencyMhz(), now));
                }
            }
            return Optional.empty();
        } catch (NetlinkMalformedException e) {
            throw new PlatformException(Code.IO_ERROR, what + ": malformed answer: " + e.getMessage());
        } catch (IOException e) {
            throw NetlinkSocket.toPlatformException(what, e);
        }
    }

    /**
     * @return true if the kernel has the nl80211 family (cfg80211 loaded), for the capabilities
     */
    boolean available() {
        try (NetlinkSocket socket = NetlinkSocket.open(Native.NETLINK_GENERIC, 0, 0)) {
            return familyId(socket) >= 0;
        } catch (IOException | NetlinkMalformedException | PlatformException e) {
            return false;
        }
    }

    private static int familyId(NetlinkSocket socket) throws IOException, NetlinkMalformedException {
        try {
            return Nl80211Codec.familyId(socket.execute("resolve generic netlink family nl80211",
                    Nl80211Codec.familyRequest()));
        } catch (ErrnoException e) {
            if (e.errno() == Native.ENOENT) {
                return -1;
            }
            throw e;
        }
    }

    private static boolean isAbsence(int errno) {
        return errno == Native.ENODEV || errno == Native.EINVAL
                || errno == Native.EOPNOTSUPP || errno == Native.ENOENT;
    }
}
