package io.anyhome.nic.cellular.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads ModemManager's D-Bus objects, as plain Java data, into {@link ModemFacts}: which modem
 * owns a network interface (its {@code Ports} or {@code PrimaryPort}), the access technology
 * bitmask as names, the 3GPP registration state as a {@link ModemRegistration}. Used by
 * {@link ModemManagerWatcher}; plain data in, so that it is tested without a bus.
 *
 * <p>The data is what {@code org.freedesktop.DBus.ObjectManager.GetManagedObjects} returns with
 * variants unwrapped and structures as lists: object path → interface → property → value.
 */
final class ModemManagerMapping {
    static final String MODEM = "org.freedesktop.ModemManager1.Modem";
    static final String MODEM_3GPP = "org.freedesktop.ModemManager1.Modem.Modem3gpp";

    /** MMModemAccessTechnology bits, lowest first, and the names this driver reports. */
    private static final String[] ACCESS_TECHNOLOGY_NAMES = {"pots", "gsm", "gsm-compact", "gprs", "edge", "umts",
        "hsdpa", "hsupa", "hspa", "hspa+", "1xrtt", "evdo0", "evdoa", "evdob", "lte", "5gnr", "lte-cat-m",
        "lte-nb-iot"};

    private ModemManagerMapping() {
    }

    /**
     * @param mask an {@code AccessTechnologies} bitmask
     * @return the names of the bits set, comma separated in bit order; empty for 0 (unknown);
     *         unnamed bits are left out
     */
    static String accessTechnologies(long mask) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < ACCESS_TECHNOLOGY_NAMES.length; bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(ACCESS_TECHNOLOGY_NAMES[bit]);
            }
        }
        return String.join(",", names);
    }

    /**
     * @param state an MMModem3gppRegistrationState
     * @return the registration it means: registered (also SMS-only and CSFB-not-preferred) at
     *         home or roaming, searching, denied, idle; emergency-only counts as denied; other
     *         values are unknown
     */
    static ModemRegistration registration(long state) {
        return switch ((int) state) {
            case 0 -> ModemRegistration.IDLE;
            case 1, 6, 9 -> ModemRegistration.HOME;
            case 2 -> ModemRegistration.SEARCHING;
            case 3, 8 -> ModemRegistration.DENIED;
            case 5, 7, 10 -> ModemRegistration.ROAMING;
            default -> ModemRegistration.UNKNOWN;
        };
    }

    /**
     * @param modem one modem's properties of interface {@link #MODEM}
     * @param interfaceName a network interface name
     * @return true if the interface is one of the modem's ports or its primary port
     */
    static boolean ownsPort(Map<String, Object> modem, String interfaceName) {
        if (interfaceName.equals(modem.get("PrimaryPort"))) {
            return true;
        }
        if (modem.get("Ports") instanceof List<?> ports) {
            for (Object port : ports) {
                if (port instanceof List<?> p && !p.isEmpty() && interfaceName.equals(p.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param objects ModemManager's managed objects (path → interface → property → value)
     * @param interfaceName a network interface name
     * @return the facts of the modem owning the interface, or empty if no modem owns it
     */
    static Optional<ModemFacts> factsFor(Map<String, Map<String, Map<String, Object>>> objects, String interfaceName) {
        for (Map<String, Map<String, Object>> object : objects.values()) {
            Map<String, Object> modem = object.get(MODEM);
            if (modem != null && ownsPort(modem, interfaceName)) {
                return Optional.of(facts(modem, object.getOrDefault(MODEM_3GPP, Map.of())));
            }
        }
        return Optional.empty();
    }

    private static ModemFacts facts(Map<String, Object> modem, Map<String, Object> gpp) {
        OptionalDouble quality = OptionalDouble.empty();
        if (modem.get("SignalQuality") instanceof List<?> q && !q.isEmpty() && q.get(0) instanceof Number n) {
            quality = OptionalDouble.of(Math.max(0, Math.min(100, n.doubleValue())));
        }
        String access = modem.get("AccessTechnologies") instanceof Number n ? accessTechnologies(n.longValue()) : "";
        String operator = Objects.toString(gpp.getOrDefault("OperatorName", ""), "").trim();
        ModemRegistration registration = gpp.get("RegistrationState") instanceof Number n
                ? registration(n.longValue()) : ModemRegistration.UNKNOWN;
        return new ModemFacts(quality, access, operator, registration);
    }
}
