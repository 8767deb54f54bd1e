package io.anyhome.mobility.internal;

import io.anyhome.packet.mh.NatDetection;

/**
 * Keeps the NAT mapping of a path alive once the home agent has said, with the NAT Detection
 * option of its Binding Acknowledgement (RFC 5555), that a NAT is on the path: the mapping must
 * see a datagram from the mobile node at least every refresh time.
 *
 * <p>The path's Heartbeat probes are datagrams through the same mapping, and the home agent
 * answers them, so they are the keepalive whenever the probe interval is at most half the refresh
 * time (always with the defaults: 50 ms, 250 ms on cellular, against a refresh time of tens of
 * seconds); nothing extra is sent then. With a longer probe interval a check runs every half
 * refresh time and sends a Heartbeat when waiting for the next check could leave the mapping
 * without a datagram for longer than the refresh time (the socket's datagram count tells whether
 * anything left since the previous check); an idle path then sends one keepalive per refresh
 * time, a busy one none.
 *
 * <p>A refresh time of 0 means "the default", RFC 5555's NATKATIMEOUT of 110 s; 0xffffffff
 * means the home agent needs no keepalives. Owned by {@link MobileNode}, one per path behind a
 * NAT; runs on the {@link Timers}; stops by itself when the path is closed.
 */
final class NatKeepalive {
    /** RFC 5555 NATKATIMEOUT: the refresh time when the home agent names none. */
    static final long DEFAULT_REFRESH_SECONDS = 110;
    /** The refresh time meaning "no keepalives needed". */
    static final long NO_KEEPALIVES = 0xffff_ffffL;

    private final TunnelPath path;
    private final int probeIntervalMs;
    private final Timers timers;
    private long refreshMs = -1;
    private long sentAtLastCheck = -1;
    private long lastCheckAt;
    private long deadline;
    private long keepalivesSent;
    private Timers.Cancellable check;

    /**
     * @param path the path behind the NAT
     * @param probeIntervalMs its probe interval
     * @param timers time and timers
     */
    NatKeepalive(TunnelPath path, int probeIntervalMs, Timers timers) {
        this.path = path;
        this.probeIntervalMs = probeIntervalMs;
        this.timers = timers;
    }

    /**
     * @param probeIntervalMs a path's probe interval
     * @param refreshMs the NAT refresh time
     * @return whether the probes alone keep the mapping alive
     */
    static boolean probesSuffice(long probeIntervalMs, long refreshMs) {
        return probeIntervalMs * 2 <= refreshMs;
    }

    /**
     * @param option the NAT Detection option of an accepted Binding Acknowledgement
     * @return the refresh time it asks for, milliseconds; -1 if no keepalives are needed
     */
    static long refreshMillis(NatDetection option) {
        long seconds = option.refreshTimeSeconds();
        if (seconds == NO_KEEPALIVES) {
            return -1;
        }
        return (seconds == 0 ? DEFAULT_REFRESH_SECONDS : seconds) * 1000;
    }

    /**
     * Applies the refresh time of the latest acknowledgement (the first starts the checks if the
     * probes do not suffice).
     *
     * @param refreshMs the refresh time, -1 for none needed
     */
    synchronized void refreshTime(long refreshMs) {
        if (refreshMs == this.refreshMs) {
            return;
        }
        this.refreshMs = refreshMs;
        if (check != null) {
            check.cancel();
            check = null;
        }
        if (refreshMs > 0 && !probesSuffice(probeIntervalMs, refreshMs)) {
            sentAtLastCheck = path.datagramsSent();
            lastCheckAt = timers.millis();
            // the Binding Update just acknowledged passed the mapping a round trip ago
            deadline = lastCheckAt + refreshMs / 2;
            check = timers.schedule(refreshMs / 2, this::check);
        }
    }

    /** @return whether checks are running (the probes alone do not keep the mapping) */
    synchronized boolean checking() {
        return check != null;
    }

    /** @return the refresh time in force, milliseconds; -1 if none */
    synchronized long refreshMillis() {
        return refreshMs;
    }

    private synchronized void check() {
        if (path.isClosed() || refreshMs <= 0) {
            check = null;
            return;
        }
        long now = timers.millis();
        long sent = path.datagramsSent();
        if (sent != sentAtLastCheck) {
            // the last datagram left after the previous check: the mapping is good until then + refresh time
            deadline = lastCheckAt + refreshMs;
        }
        if (now + refreshMs / 2 > deadline) {
            // the next check would come too late
            path.keepalive();
            keepalivesSent++;
            deadline = now + refreshMs;
            sent = path.datagramsSent();
        }
        sentAtLastCheck = sent;
        lastCheckAt = now;
        check = timers.schedule(refreshMs / 2, this::check);
    }

    /** @return keepalives sent so far */
    synchronized long keepalivesSent() {
        return keepalivesSent;
    }

    /** Stops the checks. */
    synchronized void stop() {
        refreshMs = -1;
        if (check != null) {
            check.cancel();
            check = null;
        }
    }
}
