package io.anyhome.platform.linux.internal;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * The native memory of one {@code sendmsg} or {@code recvmsg}, allocated once per endpoint and
 * direction and reused for every datagram: {@code struct msghdr}, one {@code struct iovec}, the
 * peer's socket address, the control buffer and a payload buffer for heap {@link ByteBuffer}s
 * (direct buffers are used in place). Not thread-safe: one user at a time.
 *
 * <pre>
 * msghdr (56): name(8) namelen(4) pad(4) iov(8) iovlen(8) control(8) controllen(8) flags(4) pad(4)
 * iovec  (16): base(8) len(8)
 * </pre>
 */
final class SocketMessage {
    private static final int MSGHDR_LENGTH = 56;
    private static final int OFFSET_NAME = 0;
    private static final int OFFSET_NAMELEN = 8;
    private static final int OFFSET_IOV = 16;
    private static final int OFFSET_IOVLEN = 24;
    private static final int OFFSET_CONTROL = 32;
    private static final int OFFSET_CONTROLLEN = 40;
    private static final int OFFSET_FLAGS = 48;
    private static final MemoryIO MEMORY = MemoryIO.getInstance();

    final Pointer header;
    final Pointer name;
    final Pointer control;
    private final Pointer iov;
    private final Pointer payload;
    private final int payloadCapacity;
    private final int controlCapacity;
    private byte[] readOnlyScratch;

    /**
     * @param n where the native memory comes from
     * @param payloadCapacity the largest datagram copied from or to a heap buffer
     * @param controlCapacity the control buffer's size, 0 for none
     */
    SocketMessage(Native n, int payloadCapacity, int controlCapacity) {
        this.payloadCapacity = payloadCapacity;
        this.controlCapacity = controlCapacity;
        this.header = n.allocate(MSGHDR_LENGTH);
        this.name = n.allocate(SocketAddressCodec.MAX_LENGTH);
        this.iov = n.allocate(16);
        this.payload = n.allocate(payloadCapacity);
        this.control = controlCapacity > 0 ? n.allocate(controlCapacity) : null;
        header.putAddress(OFFSET_IOV, iov.address());
        header.putLong(OFFSET_IOVLEN, 1);
    }

    /** @return the largest datagram this message carries from a heap buffer */
    int payloadCapacity() {
        return payloadCapacity;
    }

    /** Points the message at a peer address of {@code length} bytes in {@link #name}, 0 for none. */
    void useName(int length) {
        header.putAddress(OFFSET_NAME, length > 0 ? name.address() : 0L);
        header.putInt(OFFSET_NAMELEN, length);
    }

    /** Points the message at the first {@code length} bytes of {@link #control}, 0 for none. */
    void useControl(int length) {
        header.putAddress(OFFSET_CONTROL, length > 0 ? control.address() : 0L);
        header.putLong(OFFSET_CONTROLLEN, length);
    }

    /** Prepares a receive: the whole name and control buffers, flags cleared. */
    void prepareReceive() {
        useName(SocketAddressCodec.MAX_LENGTH);
        useControl(controlCapacity);
        header.putInt(OFFSET_FLAGS, 0);
    }

    /** @return {@code msg_controllen} as the kernel left it after a receive */
    long controlLength() {
        return header.getLong(OFFSET_CONTROLLEN);
    }

    /**
     * Points the iovec at {@code length} bytes of {@code src} from its position; copies them to the
     * payload buffer unless {@code src} is direct. Does not move the position.
     */
    void payloadFrom(ByteBuffer src, int length) {
        if (src.isDirect()) {
            iov.putLong(0, MEMORY.getDirectBufferAddress(src) + src.position());
        } else {
            if (src.hasArray()) {
                payload.put(0, src.array(), src.arrayOffset() + src.position(), length);
            } else {
                byte[] scratch = readOnlyScratch();
                src.get(src.position(), scratch, 0, length);
                payload.put(0, scratch, 0, length);
            }
            iov.putLong(0, payload.address());
        }
        iov.putLong(8, length);
    }

    /**
     * Points the iovec at the room left in {@code dst} (direct) or at the payload buffer (heap).
     * Pair with {@link #payloadInto(ByteBuffer, int)} after the receive.
     */
    void prepareReceivePayload(ByteBuffer dst) {
        if (dst.isDirect()) {
            iov.putLong(0, MEMORY.getDirectBufferAddress(dst) + dst.position());
            iov.putLong(8, dst.remaining());
        } else {
            iov.putLong(0, payload.address());
            iov.putLong(8, Math.min(dst.remaining(), payloadCapacity));
        }
    }

    /** Moves {@code received} bytes into {@code dst} (copying for a heap buffer) and advances its position. */
    void payloadInto(ByteBuffer dst, int received) {
        int n = Math.min(received, dst.remaining());
        if (!dst.isDirect()) {
            if (dst.hasArray()) {
                payload.get(0, dst.array(), dst.arrayOffset() + dst.position(), n);
            } else {
                byte[] scratch = readOnlyScratch();
                payload.get(0, scratch, 0, n);
                dst.put(dst.position(), scratch, 0, n);
            }
        }
        dst.position(dst.position() + n);
    }

    private byte[] readOnlyScratch() {
        if (readOnlyScratch == null) {
            readOnlyScratch = new byte[payloadCapacity];
        }
        return readOnlyScratch;
    }
}
