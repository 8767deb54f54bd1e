package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.packet.SequenceNumbers;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The mobile node's binding update list for its home registration and the BU/BA machine of
 * RFC 6275 §11.7.1 and §11.8: one binding at the home agent at a time (until multiple care-of
 * addresses, RFC 5648), moved make-before-break: the registered binding stays in force until the
 * Binding Acknowledgement for the new care-of address arrives.
 *
 * <ul>
 * <li>Retransmission: first registration after 1.5 s (InitialBindackTimeoutFirstReg, §13), else
 *     1 s (INITIAL_BINDACK_TIMEOUT), doubling up to 32 s (MAX_BINDACK_TIMEOUT) and continuing at
 *     that rate; each try with a new sequence number (§11.8). At most 3 BUs per second
 *     (MAX_UPDATE_RATE, §12): a BU due earlier waits.</li>
 * <li>Refresh at the Binding Refresh Advice or at 3/4 of the granted lifetime, whichever is
 *     earlier; a Binding Refresh Request refreshes at once (§11.7.4).</li>
 * <li>A BA matches the outstanding BU by sequence number (status 135: by the echoed replay
 *     timestamp, since it carries the last accepted sequence) and must authenticate
 *     (RFC 4285); anything else is ignored and counted. 135: the next BU uses the BA's sequence
 *     + 1. 144: the clock offset to the home agent's timestamp is applied to later BUs. Other
 *     refusals leave the binding FAILED and try again after 32 s.</li>
 * <li>A Binding Error status 1 (unknown binding) for the home address makes the node register
 *     again as a first registration.</li>
 * </ul>
 *
 * <p>Driven by {@link MobileNode} and {@link Timers}; no OSGi, no threads of its own. Every
 * method is synchronized; the sender and the listener are called under the lock and must not
 * call back.
 */
final class BindingUpdateList {
    static final long INITIAL_BINDACK_TIMEOUT_FIRST_REG_MS = 1500;
    static final long INITIAL_BINDACK_TIMEOUT_MS = 1000;
    static final long MAX_BINDACK_TIMEOUT_MS = 32_000;
    static final int MAX_UPDATE_RATE = 3;

    /** Told when the registered or the pending uplink changes. Implemented by {@link MobileNode}. */
    interface Listener {
        /**
         * @param registeredUplink the uplink whose care-of address is bound now, null if none
         * @param pendingUplink the uplink a registration is outstanding for, null if none
         */
        void bindingChanged(String registeredUplink, String pendingUplink);
    }

    private enum Kind { REGISTER, REFRESH, DEREGISTER }

    private record Registered(String uplink, InetAddress careOf, long registeredAtEpoch, long expiresAtEpoch,
            long grantedMs) {
    }

    private static final class Outstanding {
        final Kind kind;
        final String uplink;
        final InetAddress careOf;
        final int lifetimeUnits;
        long timeoutMs;
        int sequence = -1;
        long timestamp;
        int tries;

        Outstanding(Kind kind, String uplink, InetAddress careOf, int lifetimeUnits, long timeoutMs) {
            this.kind = kind;
            this.uplink = uplink;
            this.careOf = careOf;
            this.lifetimeUnits = lifetimeUnits;
            this.timeoutMs = timeoutMs;
        }
    }

    private final InetAddress homeAddress;
    private final InetAddress homeAgent;
    private final int lifetimeUnits;
    private final Timers timers;
    private final BindingUpdateSender sender;
    private final Listener listener;
    private final MobilityCounters counters;
    private final long[] recentSends = new long[MAX_UPDATE_RATE];
    private int oldestSend;
    private int sequence;
    private long replayOffsetMs;
    private Registered registered;
    private Outstanding outstanding;
    private String failedUplink;
    private InetAddress failedCareOf;
    private String failure;
    private int lastAckStatus = -1;
    private Timers.Cancellable retransmitTimer;
    private Timers.Cancellable refreshTimer;
    private Timers.Cancellable expiryTimer;

    /**
     * @param homeAddress the home address
     * @param homeAgent the home agent's address
     * @param lifetimeSeconds the lifetime to ask for
     * @param initialSequence the sequence number before the first BU (the first BU uses the next)
     * @param timers time and timers
     * @param sender sends the BUs
     * @param listener told of binding changes
     * @param counters where signalling is counted
     */
    BindingUpdateList(InetAddress homeAddress, InetAddress homeAgent, long lifetimeSeconds, int initialSequence,
            Timers timers, BindingUpdateSender sender, Listener listener, MobilityCounters counters) {
        this.homeAddress = Objects.requireNonNull(homeAddress);
        this.homeAgent = Objects.requireNonNull(homeAgent);
        this.lifetimeUnits = SequenceNumbers.lifetimeUnits(lifetimeSeconds);
        this.sequence = initialSequence & 0xffff;
        this.timers = timers;
        this.sender = sender;
        this.listener = listener;
        this.counters = counters;
        java.util.Arrays.fill(recentSends, Long.MIN_VALUE);
    }

    /**
     * Registers the care-of address of an uplink (first registration, move, or refresh when it is
     * the registered one). Does nothing if the same registration is already outstanding.
     *
     * @param uplink the uplink
     * @param careOf its care-of address
     */
    synchronized void register(String uplink, InetAddress careOf) {
        Outstanding o = outstanding;
        if (o != null && o.kind != Kind.DEREGISTER && o.uplink.equals(uplink) && o.careOf.equals(careOf)) {
            return;
        }
        boolean same = registered != null && registered.uplink.equals(uplink) && registered.careOf.equals(careOf);
        long timeout = registered == null ? INITIAL_BINDACK_TIMEOUT_FIRST_REG_MS : INITIAL_BINDACK_TIMEOUT_MS;
        start(new Outstanding(same ? Kind.REFRESH : Kind.REGISTER, uplink, careOf, lifetimeUnits, timeout));
    }

    /**
     * Deregisters the binding in force (Binding Update with lifetime 0 from its care-of address).
     *
     * @return false if there is no binding to remove
     */
    synchronized boolean deregister() {
        if (registered == null) {
            return false;
        }
        start(new Outstanding(Kind.DEREGISTER, registered.uplink, registered.careOf, 0, INITIAL_BINDACK_TIMEOUT_MS));
        return true;
    }

    /**
     * Deregisters from home (RFC 6275 §11.5.5): the node is on its home link through an uplink; the
     * Binding Update has lifetime 0 and the home address as care-of address, and the sender sends
     * it natively on that uplink. Sent whether or not a binding is in force (the home agent may
     * hold one the node forgot, after a restart), retransmitted like any update until
     * acknowledged; the acknowledgement leaves no binding. Does nothing if this deregistration is
     * outstanding already.
     *
     * @param uplink the uplink on the home link
     */
    synchronized void returnHome(String uplink) {
        Outstanding o = outstanding;
        if (o != null && o.kind == Kind.DEREGISTER && o.uplink.equals(uplink) && o.careOf.equals(homeAddress)) {
            return;
        }
        start(new Outstanding(Kind.DEREGISTER, uplink, homeAddress, 0, INITIAL_BINDACK_TIMEOUT_MS));
    }

    /**
     * The uplink lost its care-of address or went down: an update outstanding through it is
     * abandoned. The binding in force stays as the home agent has it until replaced.
     *
     * @param uplink the uplink
     */
    synchronized void uplinkLost(String uplink) {
        if (outstanding != null && outstanding.uplink.equals(uplink)) {
            cancel(retransmitTimer);
            outstanding = null;
            failure = "registration through " + uplink + " abandoned: the uplink lost its care-of address or went down";
            notifyListener();
        }
    }

    /**
     * A Binding Acknowledgement arrived through an uplink.
     *
     * @param ba the decoded message
     * @param authentic true if its RFC 4285 authenticator verified with the outstanding update's
     *     care-of address and the home address; false if wrong or absent
     * @return true if it matched the outstanding update, authenticated and accepted it
     */
    synchronized boolean onAcknowledgement(BindingAcknowledgement ba, boolean authentic) {
        Outstanding o = outstanding;
        int status = ba.status().code();
        Long echoed = replayTimestamp(ba.options());
        boolean matches = o != null && o.sequence >= 0 && (ba.sequence() == o.sequence
                || (status == 135 && echoed != null && echoed == o.timestamp));
        if (!matches) {
            counters.drop("ack-not-outstanding");
            return false;
        }
        if (!authentic) {
            if (status == 146 && ba.sequence() == o.sequence) {
                // §RFC 4285: the home agent could not verify us and cannot sign its answer; say so, keep trying
                lastAckStatus = status;
                counters.ack(status);
                failure = "the home agent refused the authentication (146): check key, spi and algorithm";
            } else {
                counters.drop("ack-authentication");
            }
            return false;
        }
        counters.ack(status);
        lastAckStatus = status;
        long now = timers.epochMillis();
        if (status < 128) {
            accepted(o, ba, now);
            return true;
        } else if (status == 135) {
            sequence = ba.sequence();
            failure = "sequence number out of window (135): continuing after the home agent's " + ba.sequence();
            transmit();
        } else if (status == 144 && echoed != null) {
            replayOffsetMs = NtpTime.toEpochMillis(echoed) - now;
            failure = "timestamp outside the home agent's tolerance (144): clock offset " + replayOffsetMs + " ms applied";
            transmit();
        } else {
            cancel(retransmitTimer);
            outstanding = null;
            failedUplink = o.uplink;
            failedCareOf = o.careOf;
            failure = "refused by the home agent: status " + status + " (" + ba.status().name() + "); trying again in "
                    + MAX_BINDACK_TIMEOUT_MS / 1000 + " s";
            retransmitTimer = timers.schedule(MAX_BINDACK_TIMEOUT_MS, () -> retryAfterRefusal(o));
            notifyListener();
        }
        return false;
    }

    private synchronized void retryAfterRefusal(Outstanding refused) {
        if (outstanding == null && refused.uplink.equals(failedUplink)) {
            start(new Outstanding(refused.kind, refused.uplink, refused.careOf, refused.lifetimeUnits,
                    registered == null ? INITIAL_BINDACK_TIMEOUT_FIRST_REG_MS : INITIAL_BINDACK_TIMEOUT_MS));
        }
    }

    private void accepted(Outstanding o, BindingAcknowledgement ba, long now) {
        cancel(retransmitTimer);
        cancel(refreshTimer);
        cancel(expiryTimer);
        outstanding = null;
        failedUplink = null;
        failure = null;
        if (o.kind == Kind.DEREGISTER || ba.lifetimeUnits() == 0) {
            registered = null;
            if (o.kind != Kind.DEREGISTER) {
                failure = "the home agent granted lifetime 0";
            }
            notifyListener();
            return;
        }
        long grantedMs = ba.lifetimeSeconds() * 1000;
        Registered r = new Registered(o.uplink, o.careOf, now, now + grantedMs, grantedMs);
        registered = r;
        long refreshMs = grantedMs * 3 / 4;
        for (MobilityOption option : ba.options()) {
            if (option instanceof BindingRefreshAdvice bra && bra.refreshIntervalUnits() > 0) {
                refreshMs = Math.min(refreshMs, bra.refreshIntervalUnits() * 4000L);
            }
        }
        refreshTimer = timers.schedule(refreshMs, () -> refresh(r));
        expiryTimer = timers.schedule(grantedMs, () -> expire(r));
        notifyListener();
    }

    private synchronized void refresh(Registered r) {
        if (registered == r && outstanding == null) {
            start(new Outstanding(Kind.REFRESH, r.uplink, r.careOf, lifetimeUnits, INITIAL_BINDACK_TIMEOUT_MS));
        }
    }

    private synchronized void expire(Registered r) {
        if (registered == r) {
            registered = null;
            failure = "the binding through " + r.uplink + " expired before a refresh was acknowledged";
            notifyListener();
        }
    }

    /** A Binding Refresh Request (§11.7.4): refresh the binding in force now. */
    synchronized void onRefreshRequest() {
        counters.refreshRequest();
        Registered r = registered;
        if (r != null && outstanding == null) {
            start(new Outstanding(Kind.REFRESH, r.uplink, r.careOf, lifetimeUnits, INITIAL_BINDACK_TIMEOUT_MS));
        }
    }

    /**
     * A Binding Error arrived through an uplink. Status 1 (unknown binding) for our home address
     * means the home agent has no binding: register again through the binding's uplink, or this
     * one if there is none, unless an update is outstanding already.
     *
     * @param be the message
     * @param uplink the uplink it arrived through
     * @param careOf that uplink's care-of address
     */
    synchronized void onBindingError(BindingError be, String uplink, InetAddress careOf) {
        counters.bindingError();
        if (be.status() != BindingError.STATUS_UNKNOWN_BINDING || !homeAddress.equals(be.homeAddress())
                || outstanding != null) {
            return;
        }
        Registered r = registered;
        registered = null;
        cancel(refreshTimer);
        cancel(expiryTimer);
        String via = r != null ? r.uplink : uplink;
        InetAddress coa = r != null ? r.careOf : careOf;
        start(new Outstanding(Kind.REGISTER, via, coa, lifetimeUnits, INITIAL_BINDACK_TIMEOUT_FIRST_REG_MS));
    }

    private void start(Outstanding o) {
        cancel(retransmitTimer);
        outstanding = o;
        failedUplink = null;
        transmit();
        notifyListener();
    }

    /** Sends the outstanding update now, or when MAX_UPDATE_RATE allows. */
    private void transmit() {
        Outstanding o = outstanding;
        if (o == null) {
            return;
        }
        cancel(retransmitTimer);
        long now = timers.millis();
        long oldest = recentSends[oldestSend];
        if (oldest != Long.MIN_VALUE && now - oldest < 1000) {
            retransmitTimer = timers.schedule(oldest + 1000 - now, this::transmitLater);
            return;
        }
        recentSends[oldestSend] = now;
        oldestSend = (oldestSend + 1) % MAX_UPDATE_RATE;
        sequence = SequenceNumbers.next(sequence);
        o.sequence = sequence;
        o.timestamp = NtpTime.fromEpochMillis(timers.epochMillis() + replayOffsetMs);
        if (o.tries > 0) {
            counters.retransmitted();
        }
        o.tries++;
        counters.bindingUpdateSent();
        sender.sendBindingUpdate(o.uplink, o.careOf, o.sequence, o.lifetimeUnits, o.timestamp);
        retransmitTimer = timers.schedule(o.timeoutMs, () -> timedOut(o));
    }

    private synchronized void transmitLater() {
        transmit();
    }

    private synchronized void timedOut(Outstanding o) {
        if (outstanding != o) {
            return;
        }
        o.timeoutMs = Math.min(o.timeoutMs * 2, MAX_BINDACK_TIMEOUT_MS);
        failure = "no Binding Acknowledgement through " + o.uplink + " after " + o.tries + " Binding Update"
                + (o.tries == 1 ? "" : "s");
        transmit();
    }

    private static Long replayTimestamp(List<MobilityOption> options) {
        for (MobilityOption option : options) {
            if (option instanceof MobilityMessageReplayProtection rp) {
                return rp.timestamp();
            }
        }
        return null;
    }

    private void notifyListener() {
        listener.bindingChanged(registered == null ? null : registered.uplink,
                outstanding == null || outstanding.kind == Kind.DEREGISTER ? null : outstanding.uplink);
    }

    private static void cancel(Timers.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    /** @return the uplink whose care-of address is bound now, or null */
    synchronized String registeredUplink() {
        return registered == null ? null : registered.uplink;
    }

    /** @return the uplink a registration or refresh is outstanding for, or null */
    synchronized String pendingUplink() {
        return outstanding == null ? null : outstanding.uplink;
    }

    /** @return the sequence number of the last BU sent (or the initial one) */
    synchronized int sequence() {
        return sequence;
    }

    /** @return the offset applied to replay timestamps after a 144, milliseconds */
    synchronized long replayOffsetMillis() {
        return replayOffsetMs;
    }

    /** @return the entries: the binding in force, and the registration outstanding or failed through another uplink */
    synchronized List<BindingDTO> bindings() {
        List<BindingDTO> list = new ArrayList<>();
        Outstanding o = outstanding;
        if (registered != null) {
            BindingDTO d = dto(registered.uplink, registered.careOf);
            d.lifetimeGrantedMs = registered.grantedMs;
            d.registeredAt = registered.registeredAtEpoch;
            d.expiresAt = registered.expiresAtEpoch;
            boolean mine = o != null && o.uplink.equals(registered.uplink);
            d.state = !mine ? BindingState.REGISTERED
                    : o.kind == Kind.DEREGISTER ? BindingState.DEREGISTERING : BindingState.REFRESHING;
            d.failure = mine ? failure : null;
            list.add(d);
        }
        if (o != null && (registered == null || !o.uplink.equals(registered.uplink))) {
            BindingDTO d = dto(o.uplink, o.careOf);
            d.state = o.kind == Kind.DEREGISTER ? BindingState.DEREGISTERING : BindingState.REGISTERING;
            d.lifetimeRequestedMs = o.lifetimeUnits * 4000L;
            d.failure = failure;
            list.add(d);
        } else if (o == null && failedUplink != null) {
            BindingDTO d = dto(failedUplink, failedCareOf);
            d.state = BindingState.FAILED;
            d.failure = failure;
            list.add(d);
        }
        return list;
    }

    private BindingDTO dto(String uplink, InetAddress careOf) {
        BindingDTO d = new BindingDTO();
        d.uplink = uplink;
        d.homeAddress = AddressText.format(homeAddress);
        d.careOfAddress = AddressText.format(careOf);
        d.homeAgentAddress = AddressText.format(homeAgent);
        d.encapsulation = Encapsulation.UDP;
        d.sequence = sequence;
        d.lifetimeRequestedMs = lifetimeUnits * 4000L;
        d.state = BindingState.NONE;
        d.lastAckStatus = lastAckStatus;
        d.mobileNetworkPrefixes = List.of();
        return d;
    }
}
