package io.anyhome.api.testing;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TUN device made of two queues, opened by {@link FakePlatform#openTun}: the test puts what the
 * kernel would route into the device in {@link #fromKernel} and reads what was written to the
 * kernel from {@link #toKernel}.
 */
public final class FakeTun implements TunDevice {
    /** Packets the device will read, in order. */
    public final BlockingQueue<byte[]> fromKernel = new LinkedBlockingQueue<>();
    /** Packets written to the device, in order. */
    public final List<byte[]> toKernel = new ArrayList<>();
    private final String name;
    private final int index;
    private final int vnetHeaderLength;
    private volatile boolean open = true;

    /** A device that is open. */
    public FakeTun(String name, int index) {
        this(name, index, 0);
    }

    /**
     * A device that is open, with a virtio-net header of the given length in front of every
     * packet read and written (the test puts it in {@link #fromKernel} and finds it in
     * {@link #toKernel}).
     */
    public FakeTun(String name, int index, int vnetHeaderLength) {
        this.name = name;
        this.index = index;
        this.vnetHeaderLength = vnetHeaderLength;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public int vnetHeaderLength() {
        return vnetHeaderLength;
    }

    @Override
    public int read(ByteBuffer dst) throws PlatformException {
        try {
            while (open) {
                byte[] p = fromKernel.poll(20, TimeUnit.MILLISECONDS);
                if (p != null) {
                    dst.put(p);
                    return p.length;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new PlatformException(AnyhomeException.Code.CLOSED, name + " is closed");
    }

    @Override
    public int tryRead(ByteBuffer dst) {
        byte[] p = fromKernel.poll();
        if (p == null) {
            return -1;
        }
        dst.put(p);
        return p.length;
    }

    @Override
    public void write(ByteBuffer src) {
        tryWrite(src);
    }

    @Override
    public synchronized boolean tryWrite(ByteBuffer src) {
        byte[] p = new byte[src.remaining()];
        src.get(p);
        toKernel.add(p);
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
