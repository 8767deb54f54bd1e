package io.anyhome.ifs.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The NIC registry's state machine, without OSGi: interfaces learnt from the platform's link
 * events, drivers offered each unowned interface (highest service ranking first), claims (the
 * first wins; a later one is refused, recorded as the interface's claim error, and the owner
 * named), state from link events and driver reports, and metrics merged as override &gt; probe
 * &gt; driver.
 *
 * <p>One exception to "first claim wins": while the table offers an interface owned by a driver
 * of lower service ranking to a newly arrived driver, that driver may take it over. So the outcome
 * does not depend on which driver bundle started first (the Ethernet driver, which recognises
 * anything with a MAC address, ships with a low ranking).
 *
 * <p>Offers run on the given executor (one thread in the framework), never under the lock;
 * signals run on the thread that caused them, after the lock is released.
 */
final class NicTable implements NicRegistry, NetworkListener {
    private record Offer(DriverSlot slot, String name) {
    }

    private final Object lock = new Object();
    private final Map<String, NicEntry> byName = new TreeMap<>();
    private final Map<Integer, NicEntry> byIndex = new HashMap<>();
    private final List<DriverSlot> drivers = new ArrayList<>();
    private final Executor offers;
    private final NicSignals signals;
    private final LongSupplier clock;
    private IntFunction<LinkDetails> details = index -> new LinkDetails("", false);
    private long arrivals;
    private Offer current;

    NicTable(Executor offers, NicSignals signals, LongSupplier clock) {
        this.offers = offers;
        this.signals = signals;
        this.clock = clock;
    }

    /** Sets where link details (DEVTYPE, wireless) come from: the current platform. */
    void detailsFrom(IntFunction<LinkDetails> source) {
        synchronized (lock) {
            details = source;
        }
    }

    // ---- drivers

    void addDriver(NicDriver driver, int ranking) {
        DriverSlot slot;
        synchronized (lock) {
            slot = new DriverSlot(driver, driver.name(), driver.technology().name(), ranking, arrivals++);
            drivers.add(slot);
            drivers.sort(DriverSlot::offerOrder);
        }
        offers.execute(() -> offerEverythingTo(slot));
    }

    void removeDriver(NicDriver driver) {
        List<Runnable> out = new ArrayList<>();
        List<String> freed = new ArrayList<>();
        synchronized (lock) {
            DriverSlot slot = slotOf(driver);
            if (slot == null) {
                return;
            }
            drivers.remove(slot);
            for (NicEntry e : byName.values()) {
                if (e.owner == slot) {
                    endClaim(e, "driver '" + slot.name() + "' went away", false, out);
                    freed.add(e.name);
                }
                if (slot.name().equals(e.refusedDriver)) {
                    e.claimError = null;
                    e.refusedDriver = null;
                }
            }
        }
        run(out);
        freed.forEach(name -> offers.execute(() -> offerToDrivers(name, null)));
    }

    /** Ends every claim (the registry is stopping), telling each driver. */
    void releaseAll(String reason) {
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            for (NicEntry e : byName.values()) {
                if (e.owner != null) {
                    endClaim(e, reason, true, out);
                }
            }
        }
        run(out);
    }

    // ---- the platform's links

    @Override
    public void link(LinkEvent event) {
        List<Runnable> out = new ArrayList<>();
        String fresh = null;
        synchronized (lock) {
            NicEntry e = byIndex.get(event.index());
            if (e != null && (event.change() == Change.DELETED || !e.name.equals(event.name()) || !NicFilter.isNic(event))) {
                remove(e, event.change() == Change.DELETED ? "interface removed"
                        : "interface renamed to " + event.name(), event.observedAt(), out);
                e = null;
            }
            if (event.change() == Change.NEW && NicFilter.isNic(event)) {
                if (e == null) {
                    e = new NicEntry(event, lookUpDetails(event.index()), event.observedAt());
                    byIndex.put(e.index, e);
                    byName.put(e.name, e);
                    fresh = e.name;
                }
                e.stale = false;
                e.link(event);
                settle(e, event.observedAt(), out);
            }
        }
        run(out);
        if (fresh != null) {
            String name = fresh;
            offers.execute(() -> offerToDrivers(name, null));
        }
    }

    @Override
    public void resynchronising() {
        synchronized (lock) {
            byName.values().forEach(e -> e.stale = true);
        }
    }

    @Override
    public void initialDumpComplete() {
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            for (NicEntry e : List.copyOf(byName.values())) {
                if (e.stale) {
                    remove(e, "interface removed", clock.getAsLong(), out);
                }
            }
        }
        run(out);
    }

    /** The platform went away: every interface it reported is gone. */
    void forgetAllLinks(String reason) {
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            for (NicEntry e : List.copyOf(byName.values())) {
                remove(e, reason, clock.getAsLong(), out);
            }
            details = index -> new LinkDetails("", false);
        }
        run(out);
    }

    // ---- NicRegistry

    @Override
    public NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException {
        List<Runnable> out = new ArrayList<>();
        ClaimHandle handle;
        synchronized (lock) {
            DriverSlot slot = slotOf(driver);
            NicEntry e = byName.get(interfaceName);
            String claimant = slot != null ? slot.name() : driver.name();
            if (slot == null) {
                throw new NicClaimException(AnyhomeException.Code.UNAVAILABLE, interfaceName, claimant, null);
            }
            if (e == null) {
                throw new NicClaimException(AnyhomeException.Code.NOT_FOUND, interfaceName, claimant, null);
            }
            if (e.owner == slot) {
                return e.handle;
            }
            if (e.owner != null) {
                boolean takeOver = current != null && current.slot() == slot && current.name().equals(interfaceName)
                        && e.owner.ranking() < slot.ranking();
                if (!takeOver) {
                    e.claimError = "driver '" + claimant + "': claimed by '" + e.owner.name() + "'";
                    e.refusedDriver = claimant;
                    throw new NicClaimException(AnyhomeException.Code.CONFLICT, interfaceName, claimant, e.owner.name());
                }
                endClaim(e, "taken over by driver '" + claimant + "' (higher service ranking)", true, out);
            }
            handle = new ClaimHandle(this, e.name, e.index, slot);
            e.owner = slot;
            e.handle = handle;
            if (claimant.equals(e.refusedDriver)) {
                e.claimError = null;
                e.refusedDriver = null;
            }
            out.add(() -> signals.claimed(interfaceName, slot.name(), slot.technology()));
            settle(e, clock.getAsLong(), out);
        }
        run(out);
        return handle;
    }

    @Override
    public void reportProbe(String interfaceName, Map<String, Double> metrics) throws AnyhomeException {
        checkMetrics(metrics);
        synchronized (lock) {
            NicEntry e = byName.get(interfaceName);
            if (e == null) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no interface " + interfaceName);
            }
            e.probeMetrics.putAll(metrics);
        }
    }

    @Override
    public List<NicDTO> list() {
        synchronized (lock) {
            return byName.values().stream().map(NicEntry::toDto).toList();
        }
    }

    @Override
    public Optional<NicDTO> show(String interfaceName) {
        synchronized (lock) {
            return Optional.ofNullable(byName.get(interfaceName)).map(NicEntry::toDto);
        }
    }

    @Override
    public void setOverride(String interfaceName, String key, String value) throws AnyhomeException {
        String normalised = OverrideValue.normalise(key, value);
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            NicEntry e = byName.get(interfaceName);
            if (e == null) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no interface " + interfaceName);
            }
            e.overrides.put(key, normalised);
            out.add(() -> signals.override(interfaceName, key, normalised));
            settle(e, clock.getAsLong(), out);
        }
        run(out);
    }

    @Override
    public boolean clearOverride(String interfaceName, String key) {
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            NicEntry e = byName.get(interfaceName);
            if (e == null || e.overrides.remove(key) == null) {
                return false;
            }
            out.add(() -> signals.override(interfaceName, key, null));
            settle(e, clock.getAsLong(), out);
        }
        run(out);
        return true;
    }

    /** @return the names of the claimed interfaces that are up now, for a listener that just arrived */
    List<String[]> upNow() {
        synchronized (lock) {
            return byName.values().stream().filter(e -> e.announcedUp)
                    .map(e -> new String[] {e.name, e.owner.technology()}).toList();
        }
    }

    // ---- handle reports

    void reportState(ClaimHandle h, NicState state, boolean carrier) {
        List<Runnable> out = new ArrayList<>();
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e == null) {
                return;
            }
            e.driverState = state == null ? NicState.UNKNOWN : state;
            e.driverCarrier = carrier;
            settle(e, clock.getAsLong(), out);
        }
        run(out);
    }

    void reportMetrics(ClaimHandle h, Map<String, Double> metrics) {
        checkMetrics(metrics);
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e != null) {
                e.driverMetrics.putAll(metrics);
            }
        }
    }

    void removeMetric(ClaimHandle h, String key) {
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e != null) {
                e.driverMetrics.remove(key);
            }
        }
    }

    void reportInfo(ClaimHandle h, Map<String, String> info) {
        info.keySet().forEach(key -> {
            if (!NicMetrics.isValidKey(key)) {
                throw new IllegalArgumentException("info key '" + key + "' is not well formed");
            }
        });
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e != null) {
                info.forEach((key, value) -> {
                    if (value == null) {
                        e.driverInfo.remove(key);
                    } else {
                        e.driverInfo.put(key, value);
                    }
                });
            }
        }
    }

    void reportFailure(ClaimHandle h, String failure) {
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e != null) {
                e.failure = failure;
            }
        }
    }

    void closeHandle(ClaimHandle h) {
        List<Runnable> out = new ArrayList<>();
        String name;
        synchronized (lock) {
            NicEntry e = entryOf(h);
            if (e == null) {
                return;
            }
            name = e.name;
            endClaim(e, "released by driver '" + h.owner.name() + "'", false, out);
        }
        run(out);
        offers.execute(() -> offerToDrivers(name, h.owner));
    }

    // ---- offers (on the offers executor)

    private void offerToDrivers(String name, DriverSlot except) {
        List<DriverSlot> order;
        synchronized (lock) {
            order = List.copyOf(drivers);
        }
        for (DriverSlot slot : order) {
            if (slot != except && !offer(slot, name, false)) {
                return;
            }
        }
    }

    private void offerEverythingTo(DriverSlot slot) {
        List<String> names;
        synchronized (lock) {
            names = List.copyOf(byName.keySet());
        }
        for (String name : names) {
            offer(slot, name, true);
        }
    }

    /** @return false if the interface is gone or owned, so that nobody else need be asked */
    private boolean offer(DriverSlot slot, String name, boolean mayTakeOver) {
        NicCandidate candidate;
        synchronized (lock) {
            NicEntry e = byName.get(name);
            if (e == null) {
                return false;
            }
            if (!drivers.contains(slot)) {
                return true;
            }
            if (e.owner != null && !(mayTakeOver && e.owner.ranking() < slot.ranking())) {
                return false;
            }
            candidate = e.candidate();
            current = new Offer(slot, name);
        }
        try {
            slot.driver().offered(candidate);
        } catch (RuntimeException ex) {
            signals.problem("driver '" + slot.name() + "' failed when offered " + name, ex);
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        synchronized (lock) {
            NicEntry e = byName.get(name);
            return e != null && e.owner == null;
        }
    }

    // ---- under the lock

    private DriverSlot slotOf(NicDriver driver) {
        for (DriverSlot s : drivers) {
            if (s.driver() == driver) {
                return s;
            }
        }
        return null;
    }

    private NicEntry entryOf(ClaimHandle h) {
        NicEntry e = byName.get(h.interfaceName());
        return e != null && e.handle == h && h.isValid() ? e : null;
    }

    private LinkDetails lookUpDetails(int index) {
        try {
            return details.apply(index);
        } catch (RuntimeException ex) {
            signals.problem("cannot read link details of interface index " + index, ex);
            return new LinkDetails("", false);
        }
    }

    /** Recomputes the effective state and queues the up/down signal if usability changed. */
    private void settle(NicEntry e, long at, List<Runnable> out) {
        NicState state = e.effectiveState();
        if (state != e.state) {
            e.state = state;
            e.stateSince = at;
        }
        boolean usable = e.owner != null && state == NicState.UP;
        if (usable != e.announcedUp) {
            e.announcedUp = usable;
            String technology = e.owner == null ? null : e.owner.technology();
            if (usable) {
                out.add(() -> signals.up(e.name, technology, at));
            } else {
                String cause = e.downCause();
                out.add(() -> signals.down(e.name, technology, at, cause));
            }
        }
    }

    private void endClaim(NicEntry e, String reason, boolean tellDriver, List<Runnable> out) {
        ClaimHandle h = e.handle;
        DriverSlot owner = e.owner;
        h.invalidate();
        long at = clock.getAsLong();
        if (e.announcedUp) {
            e.announcedUp = false;
            out.add(() -> signals.down(e.name, owner.technology(), at, reason));
        }
        e.unclaim();
        settle(e, at, out);
        out.add(() -> signals.released(e.name, owner.name(), reason));
        if (tellDriver) {
            out.add(() -> {
                try {
                    owner.driver().released(h, reason);
                } catch (RuntimeException ex) {
                    signals.problem("driver '" + owner.name() + "' failed when told of the release of " + e.name, ex);
                }
            });
        }
    }

    private void remove(NicEntry e, String reason, long at, List<Runnable> out) {
        if (e.owner != null) {
            e.linkKnown = true;
            e.linkUsable = false;
            e.linkDownCause = reason;
            settle(e, at, out);
            endClaim(e, reason, true, out);
        }
        byName.remove(e.name);
        byIndex.remove(e.index);
    }

    private static void checkMetrics(Map<String, Double> metrics) {
        metrics.forEach((key, value) -> {
            if (!NicMetrics.isValidKey(key)) {
                throw new IllegalArgumentException("metric key '" + key + "' is not well formed");
            }
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + key + ": " + value + " is not a finite number");
            }
        });
    }

    private static void run(List<Runnable> out) {
        out.forEach(Runnable::run);
    }
}
