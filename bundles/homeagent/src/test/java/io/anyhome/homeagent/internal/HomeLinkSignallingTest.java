package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.COA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.testing.FakePlatform;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.MobilityHeader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The home agent's native signalling on its home link: a node that came home deregisters there. */
class HomeLinkSignallingTest {
    static final long T0 = 1_795_687_200_000L;

    record Sent(byte[] payload, InetAddress to) {
    }

    /** A raw socket that records what is sent. */
    static final class RecordingRaw implements RawIpv6Endpoint {
        final RawIpv6Options options;
        final List<Sent> sent = new ArrayList<>();
        final List<String> order;

        RecordingRaw(RawIpv6Options options, List<String> order) {
            this.options = options;
            this.order = order;
        }

        @Override
        public int nextHeader() {
            return options.nextHeader();
        }

        @Override
        public void send(ByteBuffer src, InetAddress destination) {
            byte[] b = new byte[src.remaining()];
            src.get(b);
            sent.add(new Sent(b, destination));
            order.add("acknowledgement sent");
        }

        @Override
        public int receive(ByteBuffer dst, ReceiveMetadata metadata) {
            throw new UnsupportedOperationException("the test hands packets in");
        }

        @Override
        public int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) {
            return -1;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    final List<String> order = new ArrayList<>();
    final List<RecordingRaw> opened = new ArrayList<>();
    final FakePlatform platform = new FakePlatform() {
        @Override
        public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) {
            RecordingRaw r = new RecordingRaw(options, order);
            opened.add(r);
            return r;
        }
    };
    final HomeAgentConfiguration config = new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"),
            "hlink", 4191, 3600, Path.of("keys"), 7, "ha0", 1452, 10);
    final BindingCache cache = new BindingCache();
    final HomeAgentCounters counters = new HomeAgentCounters();
    final List<Runnable> publisherQueue = new ArrayList<>();
    final BindingListener listener = new BindingListener() {
        @Override
        public void registered(Binding binding, Binding replaced) {
        }

        @Override
        public void removed(Binding binding) {
            publisherQueue.add(() -> order.add("proxy entry and route withdrawn"));
        }
    };
    final BindingUpdateProcessor processor = new BindingUpdateProcessor(config,
            () -> NodeKeys.of(List.of(MobileNodeMessages.key())), cache, counters, listener, () -> T0);

    @Test
    void givenARegisteredNodeOnItsHomeLink_whenItsNativeDeregistrationArrives_thenTheAckGoesNativelyAfterTheWithdrawal()
            throws Exception {
        processor.handle(new MobileNodeMessages.Bu(T0).encode(), new InetSocketAddress(COA, 40000),
                ByteBuffer.allocate(2048));
        HomeLinkSignalling signalling = new HomeLinkSignalling(platform, HA, "hlink", processor, counters,
                publisherQueue::add);
        RecordingRaw raw = opened.get(0);
        assertThat(raw.options).isEqualTo(new RawIpv6Options(MobilityHeader.NEXT_HEADER, RawIpv6Options.CHECKSUM_OFF,
                HA, "hlink", 0));
        MobileNodeMessages.Bu home = new MobileNodeMessages.Bu(T0);
        home.sequence = 2;
        home.lifetimeUnits = 0;
        home.careOf = HOA;
        ByteBuffer packet = home.encode();
        ByteBuffer mh = packet.duplicate().position(Ipv6Header.LENGTH);
        ReceiveMetadata from = new ReceiveMetadata();
        from.setSource(HOA.getAddress(), 0);
        from.setDestination(HA.getAddress());
        from.setArrival(3, 64, 0);

        signalling.handle(mh, from);

        assertThat(cache.size()).isZero();
        assertThat(raw.sent).as("nothing leaves before the publisher's withdrawal").isEmpty();
        publisherQueue.forEach(Runnable::run);
        assertThat(order).containsExactly("proxy entry and route withdrawn", "acknowledgement sent");
        assertThat(raw.sent).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(HOA);
            ByteBuffer b = ByteBuffer.wrap(s.payload());
            assertThat(MobilityHeader.checksumValid(b, 0, HA, HOA)).isTrue();
            BindingAcknowledgement ba = (BindingAcknowledgement) MobilityHeader.decode(b, 0);
            assertThat(ba.status().code()).isZero();
            assertThat(ba.sequence()).isEqualTo(2);
        });
    }
}
