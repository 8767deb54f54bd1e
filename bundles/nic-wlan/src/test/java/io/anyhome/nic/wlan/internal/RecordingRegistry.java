package io.anyhome.nic.wlan.internal;

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

/** A registry that grants every claim and keeps what the driver reports per interface. */
final class RecordingRegistry implements NicRegistry {
    final Map<String, Claim> claims = new TreeMap<>();

    /** What a driver reported through one handle. */
    static final class Claim implements NicHandle {
        final String name;
        final Map<String, Double> metrics = new TreeMap<>();
        final Map<String, String> info = new TreeMap<>();
        NicState state = NicState.UNKNOWN;
        boolean valid = true;

        Claim(String name) {
            this.name = name;
        }

        public String interfaceName() {
            return name;
        }

        public int interfaceIndex() {
            return 2;
        }

        public void reportState(NicState s, boolean carrier) {
            state = s;
        }

        public void reportMetrics(Map<String, Double> m) {
            metrics.putAll(m);
        }

        public void removeMetric(String key) {
            metrics.remove(key);
        }

        public void reportInfo(Map<String, String> i) {
            i.forEach((k, v) -> {
                if (v == null) {
                    info.remove(k);
                } else {
                    info.put(k, v);
                }
            });
        }

        public void reportFailure(String failure) {
        }

        public boolean isValid() {
            return valid;
        }

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
