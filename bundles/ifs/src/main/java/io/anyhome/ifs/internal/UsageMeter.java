package io.anyhome.ifs.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Meters what each uplink carried in the accounting period, for the snapshots that cost policies
 * read ({@code UplinkSnapshot.usageBytes}) and {@code ifs:status}: the bytes the uplink's
 * interface counted, received and sent, as an operator bills them (downloads, tunnel overhead,
 * signalling and probes included), kept across node restarts in a {@link UsageFile}.
 *
 * <p>The switch's engine reads the interfaces' kernel counters after an evaluation, at most once a
 * second, and hands them to {@link #sample}. Per uplink name:
 * <ul>
 * <li>the first reading after the node starts is a baseline: what the interface carried before
 *     the node ran is not ours to know, so bytes while the node is stopped are not counted;
 * <li>after that, the growth since the last reading is added to the period's total;
 * <li>a counter smaller than the last reading, or a reading from another interface index, is a
 *     recreated interface (a modem that reconnected): its whole value is new;
 * <li>an uplink missing from a reading (its interface gone, its NIC unclaimed) keeps its total,
 *     and its last reading stays the baseline should it come back.
 * </ul>
 * When the {@link AccountingPeriod} rolls over the totals start from zero.
 *
 * <p>With a file, {@link #load} takes its totals if they are of the current period (otherwise
 * the period starts from zero); a file that cannot be read is reported, moved aside to
 * {@code .bad}, and the period starts from zero. {@link #saveIfDue} writes at most once per
 * {@link #SAVE_INTERVAL_MS} when something changed, {@link #save} at once (deactivation).
 * Thread-safe: the engine thread samples, the shell reads.
 */
final class UsageMeter {
    /** The shortest time between two saves. */
    static final long SAVE_INTERVAL_MS = 60_000;

    /**
     * One uplink's interface as read.
     *
     * @param index the interface index
     * @param bytes the bytes it received and sent, as the kernel counts them
     */
    record Reading(int index, long bytes) {
    }

    private final AccountingPeriod period;
    private final UsageFile file;
    private final Consumer<String> warnings;
    private final Map<String, Long> totals = new HashMap<>();
    private final Map<String, Reading> last = new HashMap<>();
    private boolean changed;
    private long savedAt;
    private String lastSaveFailure;

    /**
     * @param accountingDay the day of the month the period starts, 1..28
     * @param now the time, epoch milliseconds
     * @param file where the usage is kept, or null to keep it in memory only
     * @param warnings told what went wrong with the file
     */
    UsageMeter(int accountingDay, long now, UsageFile file, Consumer<String> warnings) {
        this.period = new AccountingPeriod(accountingDay, now);
        this.file = file;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.savedAt = now;
    }

    /**
     * Takes the totals kept in the file if they are of the current period.
     *
     * @param now the time, epoch milliseconds
     */
    synchronized void load(long now) {
        savedAt = now;
        if (file == null) {
            return;
        }
        try {
            Optional<UsageFile.Content> kept = file.read();
            if (kept.isPresent() && kept.get().periodStart() == period.start()) {
                totals.clear();
                totals.putAll(kept.get().bytes());
            }
        } catch (IOException e) {
            String aside;
            try {
                aside = "moved to " + file.quarantine();
            } catch (IOException m) {
                aside = "cannot move it aside: " + m.getMessage();
            }
            warnings.accept("usage file " + file.path() + " is unreadable (" + e.getMessage() + "); " + aside
                    + "; the usage of this accounting period starts from zero");
        }
    }

    /**
     * Adds what the uplinks' interfaces carried since the last reading.
     *
     * @param now the time, epoch milliseconds
     * @param readings the reading of each uplink whose interface could be read
     */
    synchronized void sample(long now, Map<String, Reading> readings) {
        if (period.rolledOver(now)) {
            totals.clear();
            changed = true;
        }
        readings.forEach((uplink, r) -> {
            Reading before = last.put(uplink, r);
            if (before == null) {
                return;
            }
            boolean recreated = before.index() != r.index() || r.bytes() < before.bytes();
            long delta = recreated ? r.bytes() : r.bytes() - before.bytes();
            if (delta > 0) {
                totals.merge(uplink, delta, Long::sum);
                changed = true;
            }
        });
    }

    /** @return the bytes of each uplink in this accounting period; uplinks with none are absent */
    synchronized Map<String, Long> usage() {
        return Map.copyOf(totals);
    }

    /**
     * Saves if something changed and the last save is {@link #SAVE_INTERVAL_MS} old.
     *
     * @param now the time, epoch milliseconds
     */
    synchronized void saveIfDue(long now) {
        if (changed && (now - savedAt >= SAVE_INTERVAL_MS || now < savedAt)) {
            save(now);
        }
    }

    /**
     * Saves now if something changed since the last save; a failure is reported once until the
     * next success.
     *
     * @param now the time, epoch milliseconds
     */
    synchronized void save(long now) {
        if (file == null || !changed) {
            return;
        }
        savedAt = now;
        try {
            file.write(new UsageFile.Content(period.start(), totals));
            changed = false;
            lastSaveFailure = null;
        } catch (IOException e) {
            String failure = "cannot save usage to " + file.path() + ": " + e;
            if (!failure.equals(lastSaveFailure)) {
                warnings.accept(failure);
            }
            lastSaveFailure = failure;
        }
    }
}
