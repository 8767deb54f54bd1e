package io.anyhome.api.testing;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.NicState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link NicRegistry} for the unit tests of NIC drivers (nic-ethernet, nic-wlan, nic-cellular
 * and vendors'): it grants every claim and keeps what the driver reports per interface, so a test
 * asserts on the state, metrics and info a user would see. The registry's other services throw.
 */
public final class RecordingRegistry implements NicRegistry {
    /** The claims granted, by interface name. */
    public final Map<String, Claim> claims = new TreeMap<>();

    /** What a driver reported through one handle. */
    public static final class Claim implements NicHandle {
        /** The interface claimed. */
        public final String name;
        /** The metrics reported and not removed. */
        public final Map<String, Double> metrics = new TreeMap<>();
        /** The information reported and not cleared. */
        public final Map<String, String> info = new TreeMap<>();
        /** The state last reported. */
        public NicState state = NicState.UNKNOWN;
        /** False once the driver closed the handle. */
        public boolean valid = true;

        /** A handle on the interface of that name. */
        public Claim(String name) {
            this.name = name;
        }

        @Override
        public String interfaceName() {
            return name;
        }

        @Override
        public int interfaceIndex() {
            return 2;
        }

        @Override
        public void reportState(NicState s, boolean carrier) {
            state = s;
        }

        @Override
        public void reportMetrics(Map<String, Double> m) {
            metrics.putAll(m);
        }

        @Override
        public void removeMetric(String key) {
            metrics.remove(key);
        }

        @Override
        public void reportInfo(Map<String, String> i) {
            i.forEach((k, v) -> {
                if (v == null) {
                    info.remove(k);
                } else {
                    info.put(k, v);
                }
            });
        }

        @Override
        public void reportFailure(String failure) {
        }

        @Override
        public boolean isValid() {
            return valid;
        }

        @Override
        public void close() {
            valid = false;
        }
    }

    @Override
    public NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException {
        return claims.computeIfAbsent(interfaceName, Claim::new);
    }

    @Override
    public void reportProbe(String interfaceName, Map<String, Double> metrics) throws AnyhomeException {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<NicDTO> list() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<NicDTO> show(String interfaceName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setOverride(String interfaceName, String key, String value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean clearOverride(String interfaceName, String key) {
        throw new UnsupportedOperationException();
    }
}
