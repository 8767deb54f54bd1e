package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * One queue of a TUN device ({@code /dev/net/tun}, {@code IFF_TUN | IFF_NO_PI}), opened by
 * {@link LinuxPlatform#openTun(TunOptions)}.
 *
 * <p>The descriptor is non-blocking: {@link #tryRead} and {@link #tryWrite} are one system call,
 * and the blocking {@link #read} and {@link #write} wait in {@code poll(2)} on the device and on a
 * {@link CloseSignal} that {@link #close()} raises, which is how a blocked reader learns of the
 * close. A {@link CloseGuard} releases the descriptors when the last running operation leaves a
 * closed device, so no operation ever uses a descriptor number that was closed and reused. Nothing
 * is allocated per packet: the {@code struct pollfd} arrays are made once per direction.
 */
final class LinuxTunDevice implements TunDevice {
    static final long TUNSETIFF = 0x400454caL;
    static final long TUNGETFEATURES = 0x800454cfL;
    static final long TUNSETOFFLOAD = 0x400454d0L;
    static final long TUNSETVNETHDRSZ = 0x400454d8L;
    static final long SIOCGIFFLAGS = 0x8913;
    static final long SIOCSIFFLAGS = 0x8914;
    static final long SIOCSIFMTU = 0x8922;
    static final long SIOCGIFINDEX = 0x8933;

    static final int IFF_TUN = 0x0001;
    static final int IFF_NO_PI = 0x1000;
    static final int IFF_VNET_HDR = 0x4000;
    static final int IFF_MULTI_QUEUE = 0x0100;
    static final int IFF_UP = 0x1;

    /** Checksum offload and TCP segmentation offload for IPv4 and IPv6. */
    static final int OFFLOADS = 0x01 | 0x02 | 0x04;
    /** {@code sizeof(struct virtio_net_hdr)}. */
    static final int VNET_HEADER_LENGTH = 10;

    private static final String DEVICE = "/dev/net/tun";

    private final Native n;
    private final int fd;
    private final CloseSignal closing;
    private final String name;
    private final int index;
    private final int vnetHeaderLength;
    private final Pointer readPoll;
    private final Pointer writePoll;
    private final CloseGuard guard;

    private LinuxTunDevice(Native n, int fd, CloseSignal closing, String name, int index, int vnetHeaderLength) {
        this.n = n;
        this.fd = fd;
        this.closing = closing;
        this.name = name;
        this.index = index;
        this.vnetHeaderLength = vnetHeaderLength;
        this.readPoll = closing.pollSet(fd, Native.POLLIN);
        this.writePoll = closing.pollSet(fd, Native.POLLOUT);
        this.guard = new CloseGuard(() -> {
            n.close(fd);
            closing.close();
        });
    }

    /**
     * Creates the device (or attaches one more queue), sets its MTU and brings it up.
     *
     * @throws PlatformException naming the device and the step that failed
     */
    static LinuxTunDevice open(Native n, TunOptions options) throws PlatformException {
        String what = "open TUN device " + options.name();
        int fd = -1;
        try {
            fd = n.open(DEVICE, Native.O_RDWR | Native.O_NONBLOCK | Native.O_CLOEXEC);
            int flags = IFF_TUN | IFF_NO_PI | (options.vnetHeader() ? IFF_VNET_HDR : 0)
                    | (options.multiQueue() ? IFF_MULTI_QUEUE : 0);
            InterfaceRequest request = new InterfaceRequest(options.name()).flags(flags);
            n.ioctl(fd, TUNSETIFF, request.buffer(), "TUNSETIFF");
            String name = request.name();
            int vnet = 0;
            if (options.vnetHeader()) {
                ByteBuffer size = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, VNET_HEADER_LENGTH);
                n.ioctl(fd, TUNSETVNETHDRSZ, size, "TUNSETVNETHDRSZ");
                n.ioctl(fd, TUNSETOFFLOAD, OFFLOADS, "TUNSETOFFLOAD");
                vnet = VNET_HEADER_LENGTH;
            }
            int index = InterfaceControl.configure(n, name, options.mtu());
            return new LinuxTunDevice(n, fd, CloseSignal.open(n), name, index, vnet);
        } catch (ErrnoException e) {
            n.close(fd);
            if (e.errno() == Native.ENOENT && e.call().startsWith("open")) {
                throw new PlatformException(Code.UNAVAILABLE, what + ": " + DEVICE + " does not exist (tun module not loaded?)",
                        e.errno(), null);
            }
            if (e.errno() == Native.EPERM) {
                throw new PlatformException(Code.PERMISSION_DENIED, what + ": " + e.detail()
                        + "; creating TUN devices needs CAP_NET_ADMIN", e.errno(), null);
            }
            throw e.toPlatformException(what);
        }
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
        enter();
        try {
            while (true) {
                int got = readOnce(dst);
                if (got >= 0) {
                    return got;
                }
                await(readPoll, "read");
            }
        } finally {
            leave();
        }
    }

    @Override
    public int tryRead(ByteBuffer dst) throws PlatformException {
        enter();
        try {
            return readOnce(dst);
        } finally {
            leave();
        }
    }

    @Override
    public void write(ByteBuffer src) throws PlatformException {
        enter();
        try {
            while (!writeOnce(src)) {
                await(writePoll, "write");
            }
        } finally {
            leave();
        }
    }

    @Override
    public boolean tryWrite(ByteBuffer src) throws PlatformException {
        enter();
        try {
            return writeOnce(src);
        } finally {
            leave();
        }
    }

    private int readOnce(ByteBuffer dst) throws PlatformException {
        long got;
        try {
            got = n.read(fd, dst, name);
        } catch (ErrnoException e) {
            throw e.toPlatformException("read from " + name);
        }
        if (got < 0) {
            return -1;
        }
        if (got > dst.remaining()) {
            // the kernel reports the packet's full length when the buffer was too short
            throw new PlatformException(Code.INVALID_ARGUMENT, "read from " + name + ": packet of " + got
                    + " bytes did not fit the buffer's " + dst.remaining() + " bytes and was dropped");
        }
        dst.position(dst.position() + (int) got);
        return (int) got;
    }

    private boolean writeOnce(ByteBuffer src) throws PlatformException {
        long put;
        try {
            put = n.write(fd, src, name);
        } catch (ErrnoException e) {
            throw e.toPlatformException("write " + src.remaining() + " bytes to " + name);
        }
        if (put < 0) {
            return false;
        }
        src.position(src.limit());
        return true;
    }

    private void await(Pointer fds, String operation) throws PlatformException {
        try {
            closing.await(fds, -1);
        } catch (ErrnoException e) {
            throw e.toPlatformException(operation + " " + name);
        }
        if (guard.isClosed()) {
            throw closedException();
        }
    }

    private void enter() throws PlatformException {
        if (!guard.enter()) {
            throw closedException();
        }
    }

    private void leave() {
        guard.leave();
    }

    private PlatformException closedException() {
        return new PlatformException(Code.CLOSED, "TUN device " + name + " is closed");
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    @Override
    public void close() {
        guard.close(() -> {
            try {
                closing.raise();
            } catch (ErrnoException e) {
                // the eventfd counter cannot overflow from one write; nothing to wake then
            }
        });
    }

    @Override
    public String toString() {
        return "TUN " + name + " (index " + index + (guard.isClosed() ? ", closed)" : ")");
    }
}
