package io.anyhome.mobility.internal;

import io.anyhome.platform.sim.SimClock;
import java.time.Duration;

/** {@link Timers} on the emulator's clock, so that probes and packets share one virtual time. */
final class SimTimers implements Timers {
    private final SimClock clock;

    SimTimers(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public long millis() {
        return clock.millis();
    }

    @Override
    public long nanos() {
        return clock.nanos();
    }

    @Override
    public long epochMillis() {
        return clock.epochMillis();
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        SimClock.Timer t = clock.schedule(Duration.ofMillis(delayMillis), task);
        return t::cancel;
    }
}
