package io.anyhome.perf.homeagent;

import io.anyhome.api.IpPrefix;
import io.anyhome.homeagent.internal.BindingCache;
import io.anyhome.homeagent.internal.BindingListener;
import io.anyhome.homeagent.internal.BindingUpdateProcessor;
import io.anyhome.homeagent.internal.HomeAgentConfiguration;
import io.anyhome.homeagent.internal.HomeAgentCounters;
import io.anyhome.homeagent.internal.NodeKey;
import io.anyhome.homeagent.internal.NodeKeys;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A home agent's Binding Update processor with N nodes' keys, and the signed Binding Updates
 * those nodes send (home addresses 2001:db8:1::/64 + i, care-of addresses in 2001:db8:a::/64),
 * built with the packet codecs as the mobile node does. Shared by the home agent benchmarks.
 */
final class HomeAgentFixture {
    static final long NOW = 1_795_687_200_000L;
    static final Inet6Address HA = address(0x2001_0db8_0001_0000L, 1);
    private static final byte[] KEY = new byte[24];

    private HomeAgentFixture() {
    }

    static Inet6Address address(long hi, long lo) {
        return AddressFields.of(ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
    }

    static Inet6Address home(int i) {
        return address(0x2001_0db8_0001_0000L, 0x1_0000L + i);
    }

    static Inet6Address careOf(int i) {
        return address(0x2001_0db8_000a_0000L, 0x1_0000L + i);
    }

    static NodeKeys keys(int nodes) {
        List<NodeKey> keys = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            keys.add(new NodeKey("mn" + i + ".key", home(i), null, 256, Algorithm.HMAC_SHA256_128, KEY));
        }
        return NodeKeys.of(keys);
    }

    static BindingUpdateProcessor processor(NodeKeys keys, BindingCache cache) {
        HomeAgentConfiguration config = new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"), "eth0",
                4191, 3600, Path.of("keys"), 7, "ha0", 1452, 10);
        return new BindingUpdateProcessor(config, () -> keys, cache, new HomeAgentCounters(), BindingListener.NONE,
                () -> NOW);
    }

    static InetSocketAddress outer(int i) {
        return new InetSocketAddress(careOf(i), 40000);
    }

    /** The NTP timestamp of {@link #NOW} (RFC 4285 §6). */
    static long timestamp() {
        long seconds = NOW / 1000 + 2_208_988_800L;
        return seconds << 32;
    }

    /**
     * Writes node i's signed Binding Update as an inner IPv6 packet into {@code out} (cleared, then flipped).
     */
    static ByteBuffer bindingUpdate(int i, int sequence, ByteBuffer out) {
        Inet6Address hoa = home(i);
        Inet6Address coa = careOf(i);
        BindingUpdate bu = new BindingUpdate(sequence, BindingUpdate.FLAG_A | BindingUpdate.FLAG_H | BindingUpdate.FLAG_F,
                150, List.of(new AlternateCareOfAddress(coa), MobileNodeIdentifier.nai("mn" + i + "@example.com"),
                        new MobilityMessageReplayProtection(timestamp()),
                        new MobilityMessageAuthentication(MobilityMessageAuthentication.SUBTYPE_MN_HA, 256, new byte[16])));
        out.clear();
        out.position(Ipv6Header.LENGTH);
        int length = MobilityHeader.encodeWithoutChecksum(bu, out);
        try {
            MobilityMessageAuthenticator.sign(out, Ipv6Header.LENGTH, coa, hoa, Algorithm.HMAC_SHA256_128, KEY, hoa, HA);
        } catch (MalformedPacketException e) {
            throw new IllegalStateException(e);
        }
        out.position(0);
        Ipv6Header.encode(out, 0, 0, length, MobilityHeader.NEXT_HEADER, 64, hoa.getAddress(), HA.getAddress());
        out.position(0).limit(Ipv6Header.LENGTH + length);
        return out;
    }
}
