package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.MobilityOption;
import io.anyhome.packet.mh.NatDetection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What the mobile node learns about NATs from its Binding Acknowledgements (RFC 5555): an
 * accepted acknowledgement with a NAT Detection option means the home agent saw the update come
 * from another address than the care-of address in it, so the path's tunnel runs through a NAT
 * mapping that must be kept alive ({@link NatKeepalive}, one per such path). An acknowledgement
 * without the option through a path that had one means the NAT is gone (the keepalive stops).
 * The option's F flag (UDP encapsulation required) changes nothing here: every packet of the
 * {@code udp} encapsulation is in UDP already.
 *
 * <p>Used by {@link MobileNode}: {@link #acknowledged} on each accepted acknowledgement,
 * {@link #forget} when a path is closed. Thread-safe.
 */
final class NatTraversal {
    private static final Logger LOG = Logger.getLogger(NatTraversal.class.getName());

    private final Timers timers;
    private final Map<TunnelPath, NatKeepalive> behindNat = new ConcurrentHashMap<>();

    /** @param timers time and timers, for the keepalive checks */
    NatTraversal(Timers timers) {
        this.timers = timers;
    }

    /**
     * An accepted Binding Acknowledgement arrived through a path.
     *
     * @param path the path
     * @param ba the acknowledgement
     */
    void acknowledged(TunnelPath path, BindingAcknowledgement ba) {
        if (!ba.status().accepted() || ba.lifetimeUnits() == 0) {
            return;
        }
        NatDetection detection = null;
        for (MobilityOption o : ba.options()) {
            if (o instanceof NatDetection d) {
                detection = d;
            }
        }
        if (detection == null) {
            NatKeepalive gone = behindNat.remove(path);
            if (gone != null) {
                gone.stop();
                LOG.info(() -> "the home agent no longer sees a NAT on " + path.uplink());
            }
            return;
        }
        long refreshMs = NatKeepalive.refreshMillis(detection);
        NatKeepalive keepalive = behindNat.computeIfAbsent(path, p -> {
            LOG.info(() -> "the home agent sees " + p.uplink() + " (care-of address " + AddressText.format(p.careOf())
                    + ") behind a NAT; refresh time " + (refreshMs < 0 ? "none needed" : refreshMs / 1000 + " s")
                    + (refreshMs < 0 || NatKeepalive.probesSuffice(p.probeIntervalMs(), refreshMs)
                            ? ", kept alive by the " + p.probeIntervalMs() + " ms probes"
                            : ", keepalives when the path is idle"));
            return new NatKeepalive(p, p.probeIntervalMs(), timers);
        });
        keepalive.refreshTime(refreshMs);
    }

    /** @param path a closed path: its keepalive stops */
    void forget(TunnelPath path) {
        NatKeepalive k = behindNat.remove(path);
        if (k != null) {
            k.stop();
        }
    }

    /**
     * @param path a path
     * @return its keepalive if the home agent reported a NAT on it, else null
     */
    NatKeepalive keepalive(TunnelPath path) {
        return behindNat.get(path);
    }
}
