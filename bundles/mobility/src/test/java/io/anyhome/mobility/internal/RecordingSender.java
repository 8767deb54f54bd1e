package io.anyhome.mobility.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Records the Binding Updates the machine sends, with the time each was sent. */
final class RecordingSender implements BindingUpdateSender, BindingUpdateList.Listener {
    record Sent(long at, String uplink, InetAddress careOf, int sequence, int lifetimeUnits, long timestamp) {
    }

    private final Timers timers;
    final List<Sent> sent = new ArrayList<>();
    String registered;
    String pending;

    RecordingSender(Timers timers) {
        this.timers = timers;
    }

    @Override
    public boolean sendBindingUpdate(String uplink, InetAddress careOf, int sequence, int lifetimeUnits,
            long timestamp) {
        sent.add(new Sent(timers.millis(), uplink, careOf, sequence, lifetimeUnits, timestamp));
        return true;
    }

    @Override
    public void bindingChanged(String registeredUplink, String pendingUplink) {
        registered = registeredUplink;
        pending = pendingUplink;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    List<Long> times() {
        return sent.stream().map(Sent::at).toList();
    }
}
