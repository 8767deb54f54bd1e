package io.anyhome.nic.cellular.internal;

import java.util.OptionalDouble;

/**
 * What the driver reports about one modem: signal quality in percent, access technology names
 * (comma separated, e.g. {@code lte} or {@code lte,5gnr}, empty if unknown), operator name (empty
 * if unknown) and registration state. Comes from ModemManager when it knows the modem, else from
 * the configuration ({@link #configured}).
 */
record ModemFacts(OptionalDouble signalQualityPercent, String accessTechnology, String operator,
        ModemRegistration registration) {
    ModemFacts {
        accessTechnology = accessTechnology == null ? "" : accessTechnology;
        operator = operator == null ? "" : operator;
        registration = registration == null ? ModemRegistration.UNKNOWN : registration;
    }

    /** @return the configured facts of a driver instance */
    static ModemFacts configured(CellularSettings settings) {
        return new ModemFacts(settings.signalQualityPercent(), settings.accessTechnology(), settings.operator(),
                settings.registration());
    }
}
