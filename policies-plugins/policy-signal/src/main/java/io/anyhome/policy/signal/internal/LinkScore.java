package io.anyhome.policy.signal.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.nic.NicMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One uplink's link-quality score, 0 (useless) to 100 (perfect), as {@link SignalPolicy} ranks
 * uplinks by it. Each metric is first mapped to a quality from 0 to 1:
 * <ul>
 * <li>signal ({@value NicMetrics#SIGNAL_DBM}): linear from {@value #SIGNAL_WORST_DBM} dBm (0) to
 * {@value #SIGNAL_BEST_DBM} dBm (1), clamped;</li>
 * <li>loss ({@value NicMetrics#LOSS_RATIO}): linear from no loss (1) to {@value #LOSS_WORST}
 * (0, a fifth of the packets lost is already unusable for interactive traffic), clamped;</li>
 * <li>round-trip time ({@value NicMetrics#RTT_MS}): linear from 0 ms (1) to
 * {@value #RTT_WORST_MS} ms (0), clamped;</li>
 * <li>a missing (or non-finite) metric is neutral: {@value #NEUTRAL}, so a wired uplink without a
 * signal reading neither wins nor loses by it.</li>
 * </ul>
 * The score is {@code 100 * (wS*qSignal + wL*qLoss + wR*qRtt) / (wS + wL + wR)} with the weights
 * of {@link SignalSettings}.
 *
 * @param uplink the scored uplink
 * @param score the score, 0..100
 */
record LinkScore(UplinkSnapshot uplink, double score) {
    static final double SIGNAL_WORST_DBM = -100.0;
    static final double SIGNAL_BEST_DBM = -50.0;
    static final double LOSS_WORST = 0.2;
    static final double RTT_WORST_MS = 500.0;
    static final double NEUTRAL = 0.5;

    /**
     * @param uplink an uplink
     * @param settings the weights
     * @return its score
     */
    static LinkScore of(UplinkSnapshot uplink, SignalSettings settings) {
        double qSignal = quality(uplink.metric(NicMetrics.SIGNAL_DBM), SIGNAL_WORST_DBM, SIGNAL_BEST_DBM);
        double qLoss = quality(uplink.metric(NicMetrics.LOSS_RATIO), LOSS_WORST, 0.0);
        double qRtt = quality(uplink.metric(NicMetrics.RTT_MS), RTT_WORST_MS, 0.0);
        double weights = settings.weightSignal() + settings.weightLoss() + settings.weightRtt();
        double sum = settings.weightSignal() * qSignal + settings.weightLoss() * qLoss + settings.weightRtt() * qRtt;
        return new LinkScore(uplink, 100.0 * sum / weights);
    }

    /** Maps a value linearly so that {@code worst} gives 0 and {@code best} gives 1, clamped; missing is neutral. */
    private static double quality(OptionalDouble value, double worst, double best) {
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
            return NEUTRAL;
        }
        double q = (value.getAsDouble() - worst) / (best - worst);
        return Math.max(0.0, Math.min(1.0, q));
    }

    /** @return the uplink's id */
    String id() {
        return uplink.id();
    }

    /** @return the signal in dBm, if reported */
    OptionalDouble signalDbm() {
        OptionalDouble s = uplink.metric(NicMetrics.SIGNAL_DBM);
        return s.isPresent() && Double.isFinite(s.getAsDouble()) ? s : OptionalDouble.empty();
    }

    /**
     * @param minSignalDbm the weakest acceptable signal
     * @return true if the uplink reports a signal below it
     */
    boolean isWeak(double minSignalDbm) {
        OptionalDouble s = signalDbm();
        return s.isPresent() && s.getAsDouble() < minSignalDbm;
    }

    /** @return e.g. {@code wlan0 (score 72.5: signal -60 dBm, loss 1 %, rtt 40 ms)}, for reasons */
    String describe() {
        List<String> parts = new ArrayList<>();
        signalDbm().ifPresent(v -> parts.add(String.format(Locale.ROOT, "signal %.0f dBm", v)));
        uplink.metric(NicMetrics.LOSS_RATIO).ifPresent(v -> parts.add(String.format(Locale.ROOT, "loss %.1f %%", v * 100)));
        uplink.metric(NicMetrics.RTT_MS).ifPresent(v -> parts.add(String.format(Locale.ROOT, "rtt %.0f ms", v)));
        String metrics = parts.isEmpty() ? "no quality metrics" : String.join(", ", parts);
        return String.format(Locale.ROOT, "%s (score %.1f: %s)", id(), score, metrics);
    }
}
