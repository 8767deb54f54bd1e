package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;

/**
 * An address on an emulated interface with its DAD state and lifetimes (absolute virtual times,
 * -1 for infinite). Mutable, guarded by the network's monitor.
 */
final class SimAddress {
    final IpPrefix prefix;
    final byte[] bytes;
    final boolean permanent;
    boolean tentative;
    boolean optimistic;
    boolean dadFailed;
    boolean deprecated;
    long preferredUntilNanos = -1;
    long validUntilNanos = -1;
    SimClock.Timer dadTimer;
    SimClock.Timer preferredTimer;
    SimClock.Timer validTimer;

    SimAddress(IpPrefix prefix, boolean permanent) {
        this.prefix = prefix;
        this.bytes = prefix.address().getAddress();
        this.permanent = permanent;
    }

    boolean usableAsSource() {
        return !dadFailed && (!tentative || optimistic);
    }

    void cancelTimers() {
        for (SimClock.Timer t : new SimClock.Timer[] {dadTimer, preferredTimer, validTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
    }
}
