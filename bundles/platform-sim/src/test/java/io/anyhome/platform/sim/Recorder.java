package io.anyhome.platform.sim;

import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.RouteEvent;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every event with the virtual time it arrived at. */
final class Recorder implements NetworkListener {
    record At<T>(long millis, T event) {
    }

    final SimClock clock;
    final List<At<LinkEvent>> links = new ArrayList<>();
    final List<At<AddressEvent>> addresses = new ArrayList<>();
    final List<At<RouteEvent>> routes = new ArrayList<>();
    boolean dumped;

    Recorder(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public void link(LinkEvent event) {
        links.add(new At<>(clock.millis(), event));
    }

    @Override
    public void address(AddressEvent event) {
        addresses.add(new At<>(clock.millis(), event));
    }

    @Override
    public void route(RouteEvent event) {
        routes.add(new At<>(clock.millis(), event));
    }

    @Override
    public void initialDumpComplete() {
        dumped = true;
    }
}
