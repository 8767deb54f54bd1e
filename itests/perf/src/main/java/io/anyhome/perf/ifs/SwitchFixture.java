package io.anyhome.perf.ifs;

import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uplinks, paths, flows and packets shared by the interface switching benchmarks. */
final class SwitchFixture {
    static final String[] TECHNOLOGIES = {"ethernet", "wlan", "cellular"};

    private SwitchFixture() {
    }

    static List<String> uplinkIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(TECHNOLOGIES[i % 3].substring(0, 3) + i);
        }
        return ids;
    }

    static Map<String, Path> paths(List<String> ids) {
        Map<String, Path> m = new LinkedHashMap<>();
        ids.forEach(id -> m.put(id, new NullPath(id)));
        return m;
    }

    static List<UplinkSnapshot> uplinks(List<String> ids) {
        List<UplinkSnapshot> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new UplinkSnapshot(ids.get(i), Technology.of(TECHNOLOGIES[i % 3]), NicState.UP,
                    Map.of("signalDbm", -60.0 - i, "rttMs", 20.0 + i), i, i % 3 == 2, 1_000_000L * i,
                    Optional.empty(), BindingState.REGISTERED, PathState.UP, 1));
        }
        return out;
    }

    static List<FlowSnapshot> flows(int n, List<String> ids) {
        List<FlowSnapshot> out = new ArrayList<>(n);
        InetAddress home = address("2001:db8:1::10");
        InetAddress peer = address("2001:db8:9::1");
        for (int i = 0; i < n; i++) {
            FlowKey key = new FlowKey(home, peer, i % 4 == 0 ? 17 : 6, 10_000 + i, 443, 0);
            out.add(new FlowSnapshot(key, 0, Optional.of(ids.get(i % ids.size())), 1500L * i, 1));
        }
        return out;
    }

    /** @return IPv6/TCP packets from the home address, one per flow */
    static ByteBuffer[] packets(int flows) {
        ByteBuffer[] out = new ByteBuffer[flows];
        byte[] home = address("2001:db8:1::10").getAddress();
        byte[] peer = address("2001:db8:9::1").getAddress();
        for (int i = 0; i < flows; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(1280);
            b.putInt(0x60000000).putShort((short) (1280 - 40)).put((byte) 6).put((byte) 64);
            b.put(home).put(peer);
            b.putShort((short) (10_000 + i)).putShort((short) 443);
            b.position(1280).flip();
            out[i] = b;
        }
        return out;
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A path that sends nothing: the benchmarks measure the switch, not a socket. */
    static final class NullPath implements Path {
        private final String uplink;

        NullPath(String uplink) {
            this.uplink = uplink;
        }

        @Override
        public String uplink() {
            return uplink;
        }

        @Override
        public PathState state() {
            return PathState.UP;
        }

        @Override
        public boolean send(ByteBuffer packet) {
            return true;
        }

        @Override
        public PathDTO describe() {
            return new PathDTO();
        }
    }
}
