package io.anyhome.platform.linux.internal;

import io.anyhome.api.Registration;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carrier-loss-to-listener latency of {@link RtnetlinkPlatformOps#monitor}: in a namespace of its
 * own with a veth pair {@code up0}/{@code up1}, a monitor listens while the namespace's thread
 * flaps the carrier of {@code up0} by setting its peer {@code up1} down and up again with
 * {@link RtnetlinkPlatformOps#setLinkUp}. Each sample runs from {@link System#nanoTime()} taken
 * just before the request that sets the peer down to the same clock read in the listener when it
 * sees {@code up0} change from carrier to no carrier. The clock is read on entry to the listener,
 * so the figure covers the request (socket included), the kernel's notification, the monitor
 * thread's wake-up, decoding and dispatch. Run from {@link LabBenchmark}.
 */
final class CarrierLatencyBenchmark {
    private static final long WAIT_SECONDS = 5;

    /**
     * Latencies of the measured flaps, in nanoseconds, sorted.
     *
     * @param toListener request start to listener, per flap
     * @param requestDuration how long {@code setLinkUp(peer, false)} took to return, per flap
     * @param beforeReturn how many events reached the listener before the request returned
     */
    record Result(long[] toListener, long[] requestDuration, int beforeReturn) {
        /** @return the nearest-rank percentile {@code p} (0 < p <= 100) of {@code sorted} */
        static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /** Keeps the transitions of one interface's carrier, stamped on arrival. */
    private static final class CarrierListener implements NetworkListener {
        final CountDownLatch dumped = new CountDownLatch(1);
        final BlockingQueue<Long> losses = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> gains = new LinkedBlockingQueue<>();
        private final String name;
        private Boolean carrier; // only the monitor's thread calls the listener

        CarrierListener(String name) {
            this.name = name;
        }

        @Override
        public void link(LinkEvent event) {
            long now = System.nanoTime();
            if (!event.name().equals(name)) {
                return;
            }
            if (carrier == null) {
                carrier = event.carrier(); // the initial dump: a state, not a transition
                return;
            }
            boolean was = carrier;
            carrier = event.carrier();
            if (was && !event.carrier()) {
                losses.add(now);
            } else if (!was && event.carrier()) {
                gains.add(now);
            }
        }

        @Override
        public void initialDumpComplete() {
            dumped.countDown();
        }
    }

    private CarrierLatencyBenchmark() {
    }

    /**
     * Flaps {@code warmUp + flaps} times and returns the last {@code flaps} samples.
     *
     * @throws IllegalStateException if an event does not come within 5 s
     */
    static Result run(int warmUp, int flaps) throws Exception {
        try (LabNamespace ns = LabNamespace.create("benchcarrier")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            ns.ip("link", "set", "up0", "up");
            ns.ip("link", "set", "up1", "up");
            RtnetlinkPlatformOps ops = new RtnetlinkPlatformOps();
            CarrierListener listener = new CarrierListener("up0");
            try (Registration reg = ns.inside(() -> ops.monitor(listener))) {
                if (!listener.dumped.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the monitor's initial dump did not complete within 5 s");
                }
                int peer = ns.inside(() -> ops.interfaceIndex("up1"));
                long[] toListener = new long[flaps];
                long[] request = new long[flaps];
                int beforeReturn = 0;
                for (int i = 0; i < warmUp + flaps; i++) {
                    long[] times = ns.inside(() -> {
                        long start = System.nanoTime();
                        ops.setLinkUp(peer, false);
                        return new long[] {start, System.nanoTime()};
                    });
                    long lost = await(listener.losses, "carrier loss", i);
                    ns.inside(() -> {
                        ops.setLinkUp(peer, true);
                        return null;
                    });
                    await(listener.gains, "carrier", i);
                    if (i >= warmUp) {
                        toListener[i - warmUp] = lost - times[0];
                        request[i - warmUp] = times[1] - times[0];
                        beforeReturn += lost < times[1] ? 1 : 0;
                    }
                }
                Arrays.sort(toListener);
                Arrays.sort(request);
                return new Result(toListener, request, beforeReturn);
            }
        }
    }

    private static long await(BlockingQueue<Long> queue, String what, int flap) throws InterruptedException {
        Long at = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (at == null) {
            throw new IllegalStateException("no " + what + " on up0 within 5 s at flap " + flap);
        }
        return at;
    }
}
