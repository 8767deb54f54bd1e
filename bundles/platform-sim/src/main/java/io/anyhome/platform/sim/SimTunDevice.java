package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * An emulated TUN device of a {@link SimPlatform} node. What the owner writes enters the node as
 * if received on the TUN interface (delivered locally if addressed to the node, else forwarded
 * when forwarding is on, else dropped, as Linux does); what the node routes to the interface is
 * queued for {@link #read}. The queue holds {@link #QUEUE_LIMIT} packets, further ones are
 * dropped (a full TUN transmit queue). Writes never block. A blocking read waits on the network's
 * monitor until a packet is queued or the device is closed; with a manual clock that happens only
 * when another thread advances the clock or sends, so single-threaded tests use {@link #tryRead}.
 */
final class SimTunDevice implements TunDevice {
    /** Packets the device holds for the reader. */
    static final int QUEUE_LIMIT = 1000;

    private final SimPlatform node;
    private final SimInterface iface;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean open = true;

    SimTunDevice(SimPlatform node, SimInterface iface) {
        this.node = node;
        this.iface = iface;
    }

    SimInterface iface() {
        return iface;
    }

    /** Queues a packet the node routed to this interface; false if dropped. */
    boolean enqueue(byte[] packet) {
        if (!open || queue.size() >= QUEUE_LIMIT) {
            return false;
        }
        queue.add(packet);
        iface.countSent(packet.length);
        node.monitor().notifyAll();
        return true;
    }

    @Override
    public String name() {
        return iface.name();
    }

    @Override
    public int index() {
        return iface.index();
    }

    @Override
    public int vnetHeaderLength() {
        return 0;
    }

    @Override
    public int read(ByteBuffer dst) throws PlatformException {
        Object lock = node.monitor();
        synchronized (lock) {
            while (open && queue.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PlatformException(Code.IO_ERROR, "read from " + name() + " interrupted", 4, null);
                }
            }
            return take(dst);
        }
    }

    @Override
    public int tryRead(ByteBuffer dst) throws PlatformException {
        synchronized (node.monitor()) {
            if (open && queue.isEmpty()) {
                return -1;
            }
            return take(dst);
        }
    }

    private int take(ByteBuffer dst) throws PlatformException {
        if (!open) {
            throw new PlatformException(Code.CLOSED, "read from closed TUN device " + name(), 9, null);
        }
        byte[] p = queue.poll();
        int n = Math.min(p.length, dst.remaining());
        dst.put(p, 0, n);
        return n;
    }

    @Override
    public void write(ByteBuffer src) throws PlatformException {
        tryWrite(src);
    }

    @Override
    public boolean tryWrite(ByteBuffer src) throws PlatformException {
        synchronized (node.monitor()) {
            if (!open) {
                throw new PlatformException(Code.CLOSED, "write to closed TUN device " + name(), 9, null);
            }
            if (src.remaining() > iface.mtu()) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "packet of " + src.remaining()
                        + " bytes exceeds the MTU " + iface.mtu() + " of " + name(), 22, null);
            }
            byte[] packet = SimEndpoint.remaining(src);
            iface.countReceived(packet.length);
            node.receiveFrom(iface, packet);
            return true;
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
                node.tunClosed(this);
                node.monitor().notifyAll();
            }
        }
    }
}
