package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Endpoint;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What the emulated endpoints share: a bounded receive queue filled by the node's local delivery,
 * blocking and non-blocking receives, and closing. A blocking receive waits on the network's
 * monitor until a datagram is queued (which happens when some thread advances the clock, or the
 * real-time clock thread does) or the endpoint is closed.
 */
abstract class SimEndpoint implements Endpoint {
    /** Datagrams an endpoint holds before it drops (like a full socket buffer). */
    static final int QUEUE_LIMIT = 1024;

    /** A received datagram with what {@link ReceiveMetadata} reports. */
    record Datagram(byte[] data, byte[] source, int sourcePort, byte[] destination, int index, int hopLimit) {
    }

    final SimPlatform node;
    final byte[] bindAddress;
    final String device;
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private boolean open = true;
    private long drops;

    SimEndpoint(SimPlatform node, byte[] bindAddress, String device) {
        this.node = node;
        this.bindAddress = bindAddress;
        this.device = device;
    }

    /** Whether a packet to {@code destination} arriving on {@code in} is for this endpoint. */
    boolean accepts(byte[] destination, SimInterface in) {
        return (bindAddress == null || Arrays.equals(bindAddress, destination))
                && (device == null || device.equals(in.name()));
    }

    void enqueue(Datagram d) {
        if (!open) {
            return;
        }
        if (queue.size() >= QUEUE_LIMIT) {
            drops++;
            return;
        }
        queue.add(d);
        node.monitor().notifyAll();
    }

    @Override
    public int receive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
        Object lock = node.monitor();
        synchronized (lock) {
            while (open && queue.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PlatformException(Code.IO_ERROR, "receive interrupted", 4, null);
                }
            }
            return take(dst, metadata);
        }
    }

    @Override
    public int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
        synchronized (node.monitor()) {
            if (open && queue.isEmpty()) {
                return -1;
            }
            return take(dst, metadata);
        }
    }

    private int take(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
        if (!open) {
            throw new PlatformException(Code.CLOSED, "receive on a closed endpoint", 9, null);
        }
        Datagram d = queue.poll();
        int n = Math.min(d.data().length, dst.remaining());
        dst.put(d.data(), 0, n);
        metadata.setSource(d.source(), d.sourcePort());
        metadata.setDestination(d.destination());
        metadata.setArrival(d.index(), d.hopLimit(), 0);
        return n;
    }

    /** @return datagrams dropped because the queue was full */
    long drops() {
        synchronized (node.monitor()) {
            return drops;
        }
    }

    void requireOpen() throws PlatformException {
        if (!open) {
            throw new PlatformException(Code.CLOSED, "send on a closed endpoint", 9, null);
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (node.monitor()) {
            return open;
        }
    }

    @Override
    public void close() {
        synchronized (node.monitor()) {
            if (open) {
                open = false;
                queue.clear();
                node.endpointClosed(this);
                node.monitor().notifyAll();
            }
        }
    }

    static byte[] remaining(ByteBuffer src) {
        byte[] b = new byte[src.remaining()];
        src.get(b);
        return b;
    }
}
