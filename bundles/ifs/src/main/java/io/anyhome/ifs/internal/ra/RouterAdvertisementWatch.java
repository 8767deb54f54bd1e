package io.anyhome.ifs.internal.ra;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.Registration;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches Router Advertisements on all interfaces at once and drives a {@link MovementDetector}:
 * one ICMPv6 endpoint (type 134 only, no bound address, no device) read by the daemon thread
 * {@value #RECEIVE_THREAD}, the platform monitor's address, neighbour and link events, and a
 * daemon timer thread {@value #TIMER_THREAD} that expires router and prefix lifetimes and
 * notices missed advertisements. Created and closed by the ifs component; plain Java.
 *
 * <p>Every advertisement is checked as RFC 4861 §6.1.2 requires (see {@link RaValidation}); an
 * invalid one is counted against its interface with the reason and dropped. Nothing a packet
 * contains makes an exception leave the receive thread.
 *
 * <p>A router that sends an Advertisement Interval option (RFC 6275 §7.3) is lost once it has
 * been silent for three of its intervals (RFC 6275 §11.5.1), or when its Router Lifetime ends;
 * {@link MovementDetector} says what else counts as movement. The clock is injected, so tests
 * drive lifetimes without waiting. A watch is started once and closed once.
 */
public final class RouterAdvertisementWatch implements AutoCloseable {
    /** Name of the thread that receives the advertisements. */
    public static final String RECEIVE_THREAD = "anyhome-ra-watch";
    /** Name of the thread that expires lifetimes. */
    public static final String TIMER_THREAD = "anyhome-ra-timer";
    /** How often lifetimes are checked unless told otherwise. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(100);
    private static final int RECEIVE_BUFFER = 65_536;

    private final Platform platform;
    private final LongSupplier clockMillis;
    private final Consumer<String> log;
    private final Duration tick;
    private final MovementDetector detector;
    private Icmpv6Endpoint endpoint;
    private Registration monitor;
    private Thread receiver;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    /**
     * A watch checking lifetimes every {@link #DEFAULT_TICK}.
     *
     * @param platform where the endpoint and the monitor come from
     * @param clockMillis the time advertisements arrive at and lifetimes run by, epoch milliseconds
     * @param sink told about movement and care-of addresses
     * @param log where background failures are reported, once each
     */
    public RouterAdvertisementWatch(Platform platform, LongSupplier clockMillis, MovementListener sink,
            Consumer<String> log) {
        this(platform, clockMillis, sink, log, DEFAULT_TICK);
    }

    /**
     * @param platform where the endpoint and the monitor come from
     * @param clockMillis the time advertisements arrive at and lifetimes run by, epoch milliseconds
     * @param sink told about movement and care-of addresses
     * @param log where background failures are reported, once each
     * @param tick how often lifetimes and missed advertisements are checked
     */
    public RouterAdvertisementWatch(Platform platform, LongSupplier clockMillis, MovementListener sink,
            Consumer<String> log, Duration tick) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        this.log = Objects.requireNonNull(log, "log");
        this.tick = Objects.requireNonNull(tick, "tick");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick " + tick + " must be positive");
        }
        this.detector = new MovementDetector(sink, log);
    }

    /**
     * Opens the endpoint, subscribes to the monitor and starts the two threads.
     *
     * @throws PlatformException if the endpoint or the monitor cannot be opened (nothing is left open)
     * @throws IllegalStateException if started before
     */
    public synchronized void start() throws PlatformException {
        if (endpoint != null) {
            throw new IllegalStateException("the Router Advertisement watch is already started");
        }
        Icmpv6Endpoint e = platform.openIcmpv6(new Icmpv6Options(Set.of(RaValidation.TYPE), null, null, 0));
        try {
            monitor = platform.monitor(new Events());
        } catch (PlatformException | RuntimeException ex) {
            e.close();
            throw ex;
        }
        endpoint = e;
        running = true;
        receiver = new Thread(() -> receiveLoop(e), RECEIVE_THREAD);
        receiver.setDaemon(true);
        receiver.start();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, TIMER_THREAD);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, tick.toMillis(), Math.max(1, tick.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a movement listener and tells it the care-of addresses announced so far, with no
     * signal in between ({@link MovementDetector#join}).
     *
     * @param join adds the listener
     * @param listener the listener
     * @param now the time of the announcements, epoch milliseconds
     */
    public void join(Runnable join, MovementListener listener, long now) {
        detector.join(join, listener, now);
    }

    /** @return a snapshot of every interface an advertisement has arrived on */
    public List<AccessLinkDTO> accessLinks() {
        return detector.accessLinks();
    }

    /** Checks lifetimes and missed advertisements now; the timer thread calls it. */
    public void tick() {
        try {
            detector.tick(clockMillis.getAsLong());
        } catch (RuntimeException e) {
            log.accept("Router Advertisement watch: lifetime check failed: " + e);
        }
    }

    /** Stops the threads and closes the endpoint and the monitor subscription. Idempotent. */
    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            running = false;
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
            if (monitor != null) {
                monitor.close();
                monitor = null;
            }
            if (endpoint != null) {
                endpoint.close();
            }
            r = receiver;
            receiver = null;
        }
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Checks one received ICMPv6 message and hands it to the detector; messages of other types
     * are ignored.
     *
     * @param message the message from index 0
     * @param length its length
     * @param metadata how it arrived
     */
    void handle(ByteBuffer message, int length, ReceiveMetadata metadata) {
        if (length < 1 || (message.get(0) & 0xff) != RaValidation.TYPE) {
            return;
        }
        long now = clockMillis.getAsLong();
        RaValidation.Verdict v = RaValidation.check(message, length, metadata.hopLimit(),
                metadata.sourceAddressBytes());
        if (v.valid()) {
            detector.advertisementReceived(metadata.interfaceIndex(), metadata.sourceAddress(), v.advertisement(), now);
        } else {
            detector.advertisementDropped(metadata.interfaceIndex(), v.dropReason(), now);
        }
    }

    /** @return the detector, for tests that feed events directly */
    MovementDetector detector() {
        return detector;
    }

    private void receiveLoop(Icmpv6Endpoint e) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
        ReceiveMetadata metadata = new ReceiveMetadata();
        String lastFailure = null;
        while (running) {
            try {
                int n = e.receive(buffer.clear(), metadata);
                handle(buffer, n, metadata);
                lastFailure = null;
            } catch (PlatformException ex) {
                if (!running || ex.code() == AnyhomeException.Code.CLOSED || !e.isOpen()) {
                    return;
                }
                lastFailure = report(lastFailure, "receive failed: " + ex.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            } catch (RuntimeException ex) {
                lastFailure = report(lastFailure, "advertisement not processed: " + ex);
            }
        }
    }

    /** Logs a failure unless it repeats the last one. */
    private String report(String last, String failure) {
        if (!failure.equals(last)) {
            log.accept("Router Advertisement watch: " + failure);
        }
        return failure;
    }

    /** The monitor's events this watch follows. */
    private final class Events implements NetworkListener {
        @Override
        public void link(LinkEvent event) {
            detector.linkChanged(event);
        }

        @Override
        public void address(AddressEvent event) {
            detector.addressChanged(event);
        }

        @Override
        public void neighbour(NeighbourEvent event) {
            detector.neighbourChanged(event);
        }

        @Override
        public void resynchronising() {
            detector.resynchronising();
        }

        @Override
        public void initialDumpComplete() {
            detector.dumpComplete(clockMillis.getAsLong());
        }
    }
}
