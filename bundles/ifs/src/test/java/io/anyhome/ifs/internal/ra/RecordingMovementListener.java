package io.anyhome.ifs.internal.ra;

import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.MovementListener;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Records every movement signal as one line of text, in order; safe to read from the test thread. */
final class RecordingMovementListener implements MovementListener {
    /**
     * One signal.
     *
     * @param kind {@code up}, {@code down} or {@code movement}
     * @param uplink the uplink id
     * @param what the address (RFC 5952) or the movement's cause
     * @param cause the care-of address's cause for {@code down}, otherwise null
     * @param at the signal's time
     */
    record Signal(String kind, String uplink, String what, String cause, long at) {
    }

    private final List<Signal> signals = new ArrayList<>();

    @Override
    public synchronized void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
        signals.add(new Signal("up", uplink, AddressText.format(careOfAddress), null, atMillis));
    }

    @Override
    public synchronized void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause) {
        signals.add(new Signal("down", uplink, AddressText.format(careOfAddress), cause, atMillis));
    }

    @Override
    public synchronized void movementDetected(String uplink, String cause, long atMillis) {
        signals.add(new Signal("movement", uplink, cause, null, atMillis));
    }

    synchronized List<Signal> signals() {
        return List.copyOf(signals);
    }

    synchronized List<Signal> of(String kind) {
        return signals.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    synchronized void clear() {
        signals.clear();
    }
}
