package io.anyhome.ifs.internal;

import io.anyhome.api.nic.NicDriver;

/**
 * A registered driver as the {@link NicTable} keeps it: its name and technology read once, its
 * service ranking (drivers are offered interfaces highest ranking first) and its arrival order
 * (which breaks ties).
 */
record DriverSlot(NicDriver driver, String name, String technology, int ranking, long arrival) {
    /** Highest ranking first, then earliest arrival. */
    static int offerOrder(DriverSlot a, DriverSlot b) {
        int byRanking = Integer.compare(b.ranking, a.ranking);
        return byRanking != 0 ? byRanking : Long.compare(a.arrival, b.arrival);
    }
}
