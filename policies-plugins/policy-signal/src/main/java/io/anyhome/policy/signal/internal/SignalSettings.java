package io.anyhome.policy.signal.internal;

import java.util.Map;

/**
 * The settings of the {@code signal} policy, read from {@code etc/io.anyhome.policy.signal.cfg}
 * (every key optional) and checked once: {@link SignalPolicy} takes a valid instance and never
 * sees a bad value. Immutable.
 *
 * @param weightSignal weight of the signal-strength part of the score, finite and at least 0
 * @param weightLoss weight of the loss part of the score, finite and at least 0
 * @param weightRtt weight of the round-trip-time part of the score, finite and at least 0
 * @param hysteresis score points (on the 0..100 scale) by which another uplink must beat the
 *        current one before the policy leaves it, 0 up to but excluding 100
 * @param holdDownMs how long a decision stays in force at least before the policy leaves a usable
 *        uplink, milliseconds, at least 0
 * @param minSignalDbm an uplink whose signal is below this is used only when no uplink at or
 *        above it (or without a signal reading) is usable, dBm
 */
public record SignalSettings(double weightSignal, double weightLoss, double weightRtt, double hysteresis,
        long holdDownMs, double minSignalDbm) {

    /** The configuration file the keys live in, named in every refusal. */
    static final String FILE = "etc/io.anyhome.policy.signal.cfg";

    static final String WEIGHT_SIGNAL = "weightSignal";
    static final String WEIGHT_LOSS = "weightLoss";
    static final String WEIGHT_RTT = "weightRtt";
    static final String HYSTERESIS = "hysteresis";
    static final String HOLD_DOWN_MS = "holdDownMs";
    static final String MIN_SIGNAL_DBM = "minSignalDbm";

    /** Default weight of signal strength. */
    public static final double DEFAULT_WEIGHT_SIGNAL = 1.0;
    /** Default weight of loss: loss hurts traffic most, so it counts twice. */
    public static final double DEFAULT_WEIGHT_LOSS = 2.0;
    /** Default weight of round-trip time. */
    public static final double DEFAULT_WEIGHT_RTT = 1.0;
    /** Default hysteresis: 10 score points, a tenth of the scale. */
    public static final double DEFAULT_HYSTERESIS = 10.0;
    /** Default hold-down, milliseconds. */
    public static final long DEFAULT_HOLD_DOWN_MS = 3000;
    /** Default weakest acceptable signal, dBm. */
    public static final double DEFAULT_MIN_SIGNAL_DBM = -85.0;

    /** The settings used when the configuration is absent. */
    public static final SignalSettings DEFAULTS = new SignalSettings(DEFAULT_WEIGHT_SIGNAL, DEFAULT_WEIGHT_LOSS,
            DEFAULT_WEIGHT_RTT, DEFAULT_HYSTERESIS, DEFAULT_HOLD_DOWN_MS, DEFAULT_MIN_SIGNAL_DBM);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the file and the key of the first bad value
     */
    public SignalSettings {
        requireWeight(WEIGHT_SIGNAL, weightSignal);
        requireWeight(WEIGHT_LOSS, weightLoss);
        requireWeight(WEIGHT_RTT, weightRtt);
        if (weightSignal + weightLoss + weightRtt <= 0) {
            throw refuse(WEIGHT_SIGNAL + ", " + WEIGHT_LOSS + ", " + WEIGHT_RTT,
                    "the weights are all 0, so no uplink could be scored; give at least one a positive weight");
        }
        if (!Double.isFinite(hysteresis) || hysteresis < 0 || hysteresis >= 100) {
            throw refuse(HYSTERESIS, hysteresis + " is not a score margin from 0 up to (but not) 100");
        }
        if (holdDownMs < 0) {
            throw refuse(HOLD_DOWN_MS, holdDownMs + " is negative");
        }
        if (!Double.isFinite(minSignalDbm)) {
            throw refuse(MIN_SIGNAL_DBM, minSignalDbm + " is not a finite number of dBm");
        }
    }

    /**
     * Reads the settings from configuration properties; absent keys take their defaults, other
     * keys (component.name, service.pid, ...) are ignored. Values may be numbers or their text,
     * as FileInstall delivers them.
     *
     * @param props the configuration properties
     * @return the checked settings
     * @throws IllegalArgumentException naming the file and the key of the first bad value
     */
    public static SignalSettings from(Map<String, ?> props) {
        return new SignalSettings(
                number(props, WEIGHT_SIGNAL, DEFAULT_WEIGHT_SIGNAL),
                number(props, WEIGHT_LOSS, DEFAULT_WEIGHT_LOSS),
                number(props, WEIGHT_RTT, DEFAULT_WEIGHT_RTT),
                number(props, HYSTERESIS, DEFAULT_HYSTERESIS),
                whole(props, HOLD_DOWN_MS, DEFAULT_HOLD_DOWN_MS),
                number(props, MIN_SIGNAL_DBM, DEFAULT_MIN_SIGNAL_DBM));
    }

    private static double number(Map<String, ?> props, String key, double fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw refuse(key, "'" + v + "' is not a number");
        }
    }

    private static long whole(Map<String, ?> props, String key, long fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw refuse(key, "'" + v + "' is not a whole number of milliseconds");
        }
    }

    private static void requireWeight(String key, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw refuse(key, w + " is not a finite weight of 0 or more");
        }
    }

    private static IllegalArgumentException refuse(String key, String problem) {
        return new IllegalArgumentException(FILE + ": key " + key + ": " + problem);
    }
}
