package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.COA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.v6;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.mh.BindingError;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The two forwarding loops on fake devices: what passes, what is dropped and counted, what is
 * answered, and that a forwarded packet allocates nothing.
 */
class DataPathTest {
    static final InetSocketAddress FROM = new InetSocketAddress(COA, 40000);
    static final java.net.Inet6Address CN = v6("2001:db8:1::20");

    final AtomicLong now = new AtomicLong(BindingUpdateProcessorTest.T0);
    final BindingCache cache = new BindingCache();
    final HomeAgentCounters counters = new HomeAgentCounters();
    final BindingUpdateProcessor processor = new BindingUpdateProcessor(
            new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"), "eth0", 4191, 3600, Path.of("keys"), 7,
                    "ha0", 1452, 10),
            () -> NodeKeys.of(List.of(MobileNodeMessages.key())), cache, counters, BindingListener.NONE, now::get);
    final FakeUdp udp = new FakeUdp();
    final FakeTun tun = new FakeTun();
    final TunnelReceiveLoop fromNodes = new TunnelReceiveLoop(udp, tun, processor, counters);
    final TunReadLoop toNodes = new TunReadLoop(tun, 1452, udp, null, cache, counters);

    void register() {
        fromNodes.handle(new MobileNodeMessages.Bu(now.get()).encode(), metadata(FROM));
        assertThat(cache.find(HOA)).isNotNull();
        udp.sent.clear();
        udp.destinations.clear();
    }

    static ReceiveMetadata metadata(InetSocketAddress from) {
        ReceiveMetadata m = new ReceiveMetadata();
        m.setSource(from.getAddress().getAddress(), from.getPort());
        return m;
    }

    @Test
    void givenABindingUpdate_whenReceived_thenTheAcknowledgementGoesBackToTheOuterSource() {
        fromNodes.handle(new MobileNodeMessages.Bu(now.get()).encode(), metadata(FROM));

        assertThat(udp.sent).hasSize(1);
        assertThat(udp.destinations).containsExactly(FROM);
        assertThat(tun.written).isEmpty();
    }

    @Test
    void givenABinding_whenDataComesFromTheRecordedAddressAndPort_thenItIsWrittenToTheTun() {
        register();

        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), metadata(FROM));

        assertThat(tun.written).hasSize(1);
        assertThat(counters.toDTO().packetsFromMobileNodes).isEqualTo(1);
    }

    @Test
    void givenABinding_whenDataComesFromAnotherPortOrAddress_thenItIsDroppedAsWrongCareOfAddress() {
        register();

        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), metadata(new InetSocketAddress(COA, 40001)));
        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), metadata(new InetSocketAddress(v6("2001:db8:b::2"), 40000)));

        assertThat(tun.written).isEmpty();
        assertThat(counters.drops(HomeAgentCounters.WRONG_CARE_OF_ADDRESS)).isEqualTo(2);
        assertThat(udp.sent).isEmpty();
    }

    @Test
    void givenNoBinding_whenDataArrives_thenItIsDroppedAndABindingErrorIsSentWithinTheRateLimit() throws Exception {
        for (int i = 0; i < 12; i++) {
            fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), metadata(FROM));
        }

        assertThat(tun.written).isEmpty();
        assertThat(counters.drops(HomeAgentCounters.NO_BINDING)).isEqualTo(12);
        assertThat(udp.sent).hasSize(10);
        BindingError be = (BindingError) MobileNodeMessages.decode(udp.sent.get(0), HOA);
        assertThat(be.status()).isEqualTo(1);
        assertThat(be.homeAddress()).isEqualTo(HOA);
        assertThat(counters.toDTO().acksRateLimited).isEqualTo(2);
    }

    @Test
    void givenTruncatedDatagrams_whenReceived_thenTheyAreCountedAsMalformed() {
        fromNodes.handle(ByteBuffer.wrap(new byte[20]), metadata(FROM));
        ByteBuffer lying = MobileNodeMessages.data(HOA, CN, 100);
        lying.limit(lying.limit() - 10);
        fromNodes.handle(lying, metadata(FROM));

        assertThat(counters.drops(HomeAgentCounters.MALFORMED)).isEqualTo(2);
    }

    @Test
    void givenABinding_whenTheTunDeliversAPacketForTheHomeAddress_thenItGoesToTheRecordedOuterAddress() {
        register();

        toNodes.forward(MobileNodeMessages.data(CN, HOA, 100));
        toNodes.forward(MobileNodeMessages.data(CN, v6("2001:db8:1::99"), 100));

        assertThat(udp.destinations).containsExactly(FROM);
        assertThat(counters.toDTO().packetsToMobileNodes).isEqualTo(1);
        assertThat(counters.drops(HomeAgentCounters.NO_BINDING_FOR_DESTINATION)).isEqualTo(1);
    }

    @Test
    void givenABinding_whenPacketsAreForwardedBothWays_thenNothingIsAllocatedPerPacket() {
        register();
        udp.keep = false;
        tun.keep = false;
        ByteBuffer fromMn = ByteBuffer.allocateDirect(200).put(MobileNodeMessages.data(HOA, CN, 100)).flip();
        ByteBuffer toMn = ByteBuffer.allocateDirect(200).put(MobileNodeMessages.data(CN, HOA, 100)).flip();
        ReceiveMetadata md = metadata(FROM);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50_000; i++) { // warm up
            fromNodes.handle(fromMn.clear().limit(148), md);
            toNodes.forward(toMn.clear().limit(148));
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50_000; i++) {
            fromNodes.handle(fromMn.clear().limit(148), md);
            toNodes.forward(toMn.clear().limit(148));
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        assertThat(counters.toDTO().packetsFromMobileNodes).isEqualTo(100_000);
        assertThat(counters.toDTO().packetsToMobileNodes).isEqualTo(100_000);
        assertThat(allocated).as("bytes allocated forwarding 100 000 packets").isLessThan(4096);
    }

    @Test
    void givenABinding_whenTheSegmentsOfASuperPacketAreForwarded_thenTheyLeaveInOneSegmentedSendCountedEach() {
        register();
        ByteBuffer first = MobileNodeMessages.data(CN, HOA, 100);
        int size = first.remaining();
        ByteBuffer segments = ByteBuffer.allocate(size * 3 - 40);
        segments.put(first.duplicate()).put(MobileNodeMessages.data(CN, HOA, 100)).put(MobileNodeMessages.data(CN, HOA, 60)).flip();

        toNodes.forwardSegments(first, segments, size);

        assertThat(udp.segmentSizes).containsExactly(size);
        assertThat(udp.destinations).containsExactly(FROM);
        assertThat(counters.toDTO().packetsToMobileNodes).isEqualTo(3);
    }

    @Test
    void givenACoalescedReceiveAndAVnetTun_whenHandled_thenEachPacketIsWrittenBehindItsOwnHeader() {
        FakeTun vnetTun = new FakeTun(10);
        TunnelReceiveLoop loop = new TunnelReceiveLoop(udp, vnetTun, processor, counters);
        loop.handle(new MobileNodeMessages.Bu(now.get()).encode(), metadata(FROM));
        ByteBuffer a = MobileNodeMessages.data(HOA, CN, 100);
        ByteBuffer c = MobileNodeMessages.data(HOA, CN, 20);
        int size = a.remaining();
        ByteBuffer received = ByteBuffer.allocate(10 + size * 2 + c.remaining());
        received.position(10);
        received.put(a.duplicate()).put(MobileNodeMessages.data(HOA, CN, 100)).put(c.duplicate());
        received.limit(received.position()).position(10);
        received.put(8, (byte) 0x55); // what a header must overwrite
        ReceiveMetadata md = metadata(FROM);
        md.setArrival(2, 64, size);

        loop.handleEach(received, md);

        assertThat(vnetTun.written).containsExactly(10 + size, 10 + size, 10 + c.remaining());
        assertThat(vnetTun.headers).allSatisfy(h -> assertThat(h).containsOnly(0));
        assertThat(counters.toDTO().packetsFromMobileNodes).isEqualTo(3);
    }

    @Test
    void givenACoalescedReceiveOfOneTcpFlow_whenHandled_thenTheTunGetsOneSuperPacket() throws Exception {
        FakeTun vnetTun = new FakeTun(10);
        TunnelReceiveLoop loop = new TunnelReceiveLoop(udp, vnetTun, processor, counters);
        loop.handle(new MobileNodeMessages.Bu(now.get()).encode(), metadata(FROM));
        ByteBuffer big = MobileNodeMessages.data(HOA, CN, 3012); // 8 + 3012 = a 20-byte TCP header and 3000 bytes
        big.put(6, (byte) 6).put(40 + 12, (byte) 0x50).put(40 + 13, (byte) 0x10);
        ByteBuffer received = ByteBuffer.allocate(10 + 4 * 1500);
        received.position(10);
        int size = io.anyhome.packet.offload.TcpSegmentation.segment(big, 0, big.limit(), 40, 1000, received);
        received.limit(received.position()).position(10);
        ReceiveMetadata md = metadata(FROM);
        md.setArrival(2, 64, size);

        loop.handleEach(received, md);

        assertThat(vnetTun.written).containsExactly(10 + 60 + 3000);
        assertThat(vnetTun.headers.get(0)[1]).as("TCPv6 segmentation").isEqualTo((byte) 4);
        assertThat(counters.toDTO().packetsFromMobileNodes).isEqualTo(3);
    }

    /** A UDP endpoint that records what is sent (copies, unless told not to keep them). */
    static final class FakeUdp implements UdpEndpoint {
        final List<ByteBuffer> sent = new ArrayList<>();
        final List<InetSocketAddress> destinations = new ArrayList<>();
        final List<Integer> segmentSizes = new ArrayList<>();
        boolean keep = true;

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(HA, 4191);
        }

        @Override
        public void send(ByteBuffer src, InetSocketAddress destination) {
            if (keep) {
                ByteBuffer copy = ByteBuffer.allocate(src.remaining());
                copy.put(src.duplicate()).flip();
                sent.add(copy);
                destinations.add(destination);
            }
            src.position(src.limit());
        }

        @Override
        public void sendSegmented(ByteBuffer src, InetSocketAddress destination, int segmentSize) {
            segmentSizes.add(segmentSize);
            send(src, destination);
        }

        @Override
        public int receive(ByteBuffer dst, ReceiveMetadata metadata) {
            throw new UnsupportedOperationException();
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

    /** A TUN device that records what is written. */
    static final class FakeTun implements TunDevice {
        final List<Integer> written = new ArrayList<>();
        final List<byte[]> headers = new ArrayList<>();
        final int vnet;
        boolean keep = true;

        FakeTun() {
            this(0);
        }

        FakeTun(int vnet) {
            this.vnet = vnet;
        }

        @Override
        public String name() {
            return "ha0";
        }

        @Override
        public int index() {
            return 9;
        }

        @Override
        public int vnetHeaderLength() {
            return vnet;
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int tryRead(ByteBuffer dst) {
            return -1;
        }

        @Override
        public void write(ByteBuffer src) {
            if (keep) {
                written.add(src.remaining());
                byte[] h = new byte[vnet];
                src.duplicate().get(h);
                headers.add(h);
            }
            src.position(src.limit());
        }

        @Override
        public boolean tryWrite(ByteBuffer src) {
            write(src);
            return true;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
