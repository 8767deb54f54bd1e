package io.anyhome.platform.linux.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Drives one packet loop for a fixed time: a sender thread pushes packets in as fast as the loop
 * takes them, a reader thread takes them out at the far end, and the counts are sampled after a
 * warm-up and again after the measured interval. Used by {@link TunLoopBenchmark} and
 * {@link VethLoopBenchmark} so that both are timed by exactly the same code; run from
 * {@link LabBenchmark}, never by surefire.
 *
 * <p>The loop is open (the sender never waits for the reader), so what the reader gets is what the
 * path sustains; what the sender managed to push in is reported beside it, and the difference is
 * what the kernel dropped on the way (a full TUN queue or socket receive buffer).
 */
final class LoopBenchmark {
    /** Slots 8 and 24 of a long array: the two counters sit on different cache lines. */
    private static final int SENT = 8;
    private static final int RECEIVED = 24;

    /** One end-to-end path under test; closing it must unblock a blocked {@link #receive()}. */
    interface Loop extends AutoCloseable {
        /** Pushes one packet in (blocking while the path pushes back). */
        void send() throws Exception;

        /** Takes one packet out (blocking); @return true if it is one of the packets sent */
        boolean receive() throws Exception;

        @Override
        void close();
    }

    /**
     * Packets per second over the measured interval.
     *
     * @param sent packets per second the sender pushed in
     * @param received packets per second that came out at the far end
     * @param senderCpu the sender thread's CPU time (user and system) per packet sent, in nanoseconds
     * @param readerCpu the reader thread's CPU time per packet received, in nanoseconds
     */
    record Rate(double sent, double received, double senderCpu, double readerCpu) {
        /**
         * @return CPU nanoseconds one packet costs end to end: the kernel's work done in the two
         *     threads' system calls is in it, time other processes take from the machine is not
         */
        double cpuPerPacket() {
            return senderCpu + readerCpu;
        }

        /** @return the IP-layer throughput of what came out, in Gbit/s */
        double gigabitsPerSecond(int packetBytes) {
            return received * packetBytes * 8 / 1e9;
        }
    }

    private LoopBenchmark() {
    }

    /**
     * Runs {@code loop} for {@code warmUpMillis + measureMillis} and closes it.
     *
     * @return the rates over the last {@code measureMillis}
     * @throws IllegalStateException if a thread failed before the end or does not stop
     */
    static Rate run(Loop loop, long warmUpMillis, long measureMillis) throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(32);
        Throwable[] failure = new Throwable[2];
        boolean[] stopping = {false};
        Thread sender = new Thread(() -> spin(loop, true, counts, failure, stopping), "bench-sender");
        Thread reader = new Thread(() -> spin(loop, false, counts, failure, stopping), "bench-reader");
        sender.setDaemon(true);
        reader.setDaemon(true);
        reader.start();
        sender.start();
        try {
            Thread.sleep(warmUpMillis);
            long t0 = System.nanoTime();
            long senderCpu0 = cpu(sender);
            long readerCpu0 = cpu(reader);
            long sent0 = counts.get(SENT);
            long received0 = counts.get(RECEIVED);
            Thread.sleep(measureMillis);
            long t1 = System.nanoTime();
            long senderCpu1 = cpu(sender);
            long readerCpu1 = cpu(reader);
            long sent1 = counts.get(SENT);
            long received1 = counts.get(RECEIVED);
            synchronized (failure) {
                stopping[0] = true;
                if (failure[0] != null || failure[1] != null) {
                    Throwable t = failure[0] != null ? failure[0] : failure[1];
                    throw new IllegalStateException("the loop failed while measuring: " + t, t);
                }
            }
            double seconds = (t1 - t0) / 1e9;
            long sent = sent1 - sent0;
            long received = received1 - received0;
            return new Rate(sent / seconds, received / seconds, (double) (senderCpu1 - senderCpu0) / sent,
                    (double) (readerCpu1 - readerCpu0) / received);
        } finally {
            synchronized (failure) {
                stopping[0] = true;
            }
            loop.close();
            sender.join(TimeUnit.SECONDS.toMillis(10));
            reader.join(TimeUnit.SECONDS.toMillis(10));
            if (sender.isAlive() || reader.isAlive()) {
                throw new IllegalStateException("the loop's threads did not stop within 10 s of closing it");
            }
        }
    }

    private static long cpu(Thread thread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getThreadCpuTime(thread.getId());
    }

    private static void spin(Loop loop, boolean sending, AtomicLongArray counts, Throwable[] failure,
            boolean[] stopping) {
        int slot = sending ? SENT : RECEIVED;
        long n = 0;
        try {
            while (true) {
                if (sending) {
                    loop.send();
                    counts.lazySet(slot, ++n);
                } else if (loop.receive()) {
                    counts.lazySet(slot, ++n);
                }
                if ((n & 0xff) == 0 && isStopping(failure, stopping)) {
                    return;
                }
            }
        } catch (Throwable t) {
            synchronized (failure) {
                if (!stopping[0]) {
                    failure[sending ? 0 : 1] = t;
                }
            }
        }
    }

    private static boolean isStopping(Object lock, boolean[] stopping) {
        synchronized (lock) {
            return stopping[0];
        }
    }
}
