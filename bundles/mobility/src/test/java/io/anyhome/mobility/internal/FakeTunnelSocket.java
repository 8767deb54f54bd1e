package io.anyhome.mobility.internal;

import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A tunnel socket in memory for tests that need outer IPv4 (the emulator speaks IPv6 only):
 * records what is sent, with the time, and hands queued datagrams to the path.
 */
final class FakeTunnelSocket implements UdpEndpoint {
    record Sent(byte[] inner, InetSocketAddress to, long atMillis) {
    }

    private record Queued(byte[] datagram, InetSocketAddress from) {
    }

    final InetAddress bound;
    final String device;
    final List<Sent> sent = new ArrayList<>();
    private final ArrayDeque<Queued> inbound = new ArrayDeque<>();
    private final LongSupplier clock;
    private boolean open = true;

    FakeTunnelSocket(InetAddress bound, String device, LongSupplier clock) {
        this.bound = bound;
        this.device = device;
        this.clock = clock;
    }

    /** Queues a datagram as if it came from {@code from}. */
    synchronized void arrive(ByteBuffer inner, InetSocketAddress from) {
        byte[] b = new byte[inner.remaining()];
        inner.duplicate().get(b);
        inbound.add(new Queued(b, from));
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(bound, 40000);
    }

    @Override
    public synchronized void send(ByteBuffer src, InetSocketAddress destination) {
        byte[] b = new byte[src.remaining()];
        src.get(b);
        sent.add(new Sent(b, destination, clock.getAsLong()));
    }

    @Override
    public void sendSegmented(ByteBuffer src, InetSocketAddress destination, int segmentSize) {
        send(src, destination);
    }

    @Override
    public int receive(ByteBuffer dst, ReceiveMetadata metadata) {
        throw new UnsupportedOperationException("tests poll");
    }

    @Override
    public synchronized int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) {
        Queued q = inbound.poll();
        if (q == null) {
            return -1;
        }
        dst.put(q.datagram());
        // as the platform does: 4 IPv4 bytes are kept IPv4-mapped
        metadata.setSource(q.from().getAddress().getAddress(), q.from().getPort());
        return q.datagram().length;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }
}
