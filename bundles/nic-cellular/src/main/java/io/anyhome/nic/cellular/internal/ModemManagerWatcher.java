package io.anyhome.nic.cellular.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Polls ModemManager on the system bus (or the configured {@code dbusAddress}) every
 * {@code pollIntervalMs} on its own daemon thread and hands the driver a lookup from interface
 * name to modem facts. Without a bus or without ModemManager it hands over a lookup that knows no
 * modem (so the configured values stand), says so once at INFO, and tries again every
 * {@value #RETRY_POLLS} polls. Never blocks its caller and never lets an exception out of its
 * thread.
 */
final class ModemManagerWatcher implements AutoCloseable {
    /** Polls between two attempts to find ModemManager after it was not found. */
    static final int RETRY_POLLS = 12;
    private static final Function<String, Optional<ModemFacts>> NO_MODEMS = name -> Optional.empty();

    private final String address;
    private final Consumer<Function<String, Optional<ModemFacts>>> sink;
    private final Consumer<String> info;
    private final ScheduledExecutorService executor;
    private volatile ModemManagerBus bus;
    private int pollsUntilRetry;
    private Boolean available;

    /**
     * @param address the D-Bus address
     * @param pollIntervalMs how often to ask ModemManager
     * @param sink gets the lookup after every poll (from the watcher's thread)
     * @param info logs what happened at INFO
     */
    ModemManagerWatcher(String address, long pollIntervalMs, Consumer<Function<String, Optional<ModemFacts>>> sink,
            Consumer<String> info) {
        this.address = address;
        this.sink = sink;
        this.info = info;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anyhome-cellular-modemmanager");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, pollIntervalMs, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            if (bus == null) {
                if (pollsUntilRetry-- > 0) {
                    return;
                }
                bus = ModemManagerBus.connect(address);
                if (executor.isShutdown()) {
                    closeBus();
                    return;
                }
            }
            Map<String, Map<String, Map<String, Object>>> objects = bus.managedObjects();
            if (!Boolean.TRUE.equals(available)) {
                info.accept("ModemManager answers on " + address + ": modem facts come from it");
                available = true;
            }
            sink.accept(name -> ModemManagerMapping.factsFor(objects, name));
        } catch (Throwable e) {
            unavailable(e);
        }
    }

    private void unavailable(Throwable e) {
        closeBus();
        pollsUntilRetry = RETRY_POLLS;
        if (!Boolean.FALSE.equals(available)) {
            info.accept("ModemManager not reachable on " + address + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): reporting configured modem facts");
            available = false;
        }
        try {
            sink.accept(NO_MODEMS);
        } catch (RuntimeException ignored) {
            // the driver reports through the registry; its refusals must not stop polling
        }
    }

    private void closeBus() {
        ModemManagerBus b = bus;
        if (b != null) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // a connection that is already broken
            }
            bus = null;
        }
    }

    /** Stops polling and disconnects; waits a little for a poll in progress. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeBus();
    }
}
