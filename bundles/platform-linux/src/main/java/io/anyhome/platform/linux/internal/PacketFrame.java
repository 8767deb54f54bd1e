package io.anyhome.platform.linux.internal;

import com.kenai.jffi.MemoryIO;
import io.anyhome.api.platform.PacketEndpoint;
import java.nio.ByteBuffer;
import java.util.Arrays;
import jnr.ffi.Pointer;

/**
 * The native memory of one {@code sendmsg} on a {@link LinuxPacketEndpoint}, allocated once and
 * reused for every packet: {@code struct msghdr}, the {@code struct sockaddr_ll} of the next hop,
 * up to three {@code struct iovec}s and a payload buffer for heap {@link ByteBuffer}s (direct
 * buffers are sent in place). Not thread-safe: one sender at a time.
 *
 * <p>Without a virtio-net header ({@code SOCK_DGRAM}) the one iovec is the IPv6 packet and the
 * kernel writes the link header. With one ({@code SOCK_RAW}, the only type that takes
 * {@code PACKET_VNET_HDR}) the message is the caller's virtio-net header, an Ethernet header
 * built here and the IPv6 packet:
 *
 * <pre>
 * iov[0] virtio_net_hdr (10): flags gso_type hdr_len gso_size csum_start csum_offset (u16 little-endian)
 * iov[1] Ethernet (14):       destination MAC(6) source MAC(6) EtherType 0x86DD
 * iov[2] the IPv6 packet
 * msghdr (56): name(8) namelen(4) pad(4) iov(8) iovlen(8) control(8) controllen(8) flags(4) pad(4)
 * </pre>
 *
 * The caller's header counts {@code csum_start} and {@code hdr_len} from the IPv6 header, as a
 * TUN device does; the kernel counts them from the start of the frame, so the copy sent has both
 * moved by the 14 bytes of the Ethernet header.
 */
final class PacketFrame {
    static final int ETHERNET_HEADER = 14;
    private static final int MSGHDR_LENGTH = 56;
    private static final int OFFSET_NAME = 0;
    private static final int OFFSET_NAMELEN = 8;
    private static final int OFFSET_IOV = 16;
    private static final int OFFSET_IOVLEN = 24;
    private static final int IOVEC = 16;
    private static final int VNET_FLAGS = 0;
    private static final int VNET_HDR_LEN = 2;
    private static final int VNET_CSUM_START = 6;
    private static final int FLAG_NEEDS_CSUM = 1;
    private static final MemoryIO MEMORY = MemoryIO.getInstance();

    final Pointer header;
    private final Pointer name;
    private final Pointer iov;
    private final Pointer vnet;
    private final Pointer ethernet;
    private final Pointer payload;
    private final int payloadCapacity;
    private final int interfaceIndex;
    private final boolean withVnetHeader;
    /** The destination {@link #name} (and {@link #ethernet}) holds, {@code lastLength} bytes. */
    private final byte[] lastAddress = new byte[SocketAddressCodec.LINK_LAYER_ADDRESS_MAX];
    private int lastLength = -1;
    private byte[] readOnlyScratch;

    /**
     * @param n where the native memory comes from
     * @param interfaceIndex the interface every packet goes out on
     * @param sourceMac the interface's own MAC address for the Ethernet header, or null to send
     *        without a virtio-net header ({@code SOCK_DGRAM})
     * @param payloadCapacity the largest packet (with its virtio-net header) a heap buffer may carry
     */
    PacketFrame(Native n, int interfaceIndex, byte[] sourceMac, int payloadCapacity) {
        this.interfaceIndex = interfaceIndex;
        this.withVnetHeader = sourceMac != null;
        this.payloadCapacity = payloadCapacity;
        this.header = n.allocate(MSGHDR_LENGTH);
        this.name = n.allocate(SocketAddressCodec.LINK_LAYER_LENGTH);
        this.iov = n.allocate(3 * IOVEC);
        this.vnet = n.allocate(PacketEndpoint.VNET_HEADER_LENGTH);
        this.ethernet = n.allocate(ETHERNET_HEADER);
        this.payload = n.allocate(payloadCapacity);
        header.putAddress(OFFSET_NAME, name.address());
        header.putInt(OFFSET_NAMELEN, SocketAddressCodec.LINK_LAYER_LENGTH);
        header.putAddress(OFFSET_IOV, iov.address());
        if (withVnetHeader) {
            ethernet.put(6, sourceMac, 0, 6);
            ethernet.putByte(12, (byte) (Native.ETH_P_IPV6 >>> 8));
            ethernet.putByte(13, (byte) Native.ETH_P_IPV6);
            iov.putAddress(0, vnet.address());
            iov.putLong(8, PacketEndpoint.VNET_HEADER_LENGTH);
            iov.putAddress(IOVEC, ethernet.address());
            iov.putLong(IOVEC + 8, ETHERNET_HEADER);
            header.putLong(OFFSET_IOVLEN, 3);
        } else {
            header.putLong(OFFSET_IOVLEN, 1);
        }
    }

    /** @return the largest packet a heap buffer may carry */
    int payloadCapacity() {
        return payloadCapacity;
    }

    /**
     * Points the message at the next hop; encodes the socket address (and the Ethernet
     * destination) again only when the address differs from the last one.
     *
     * @throws IllegalArgumentException if the address does not fit, or is not 6 bytes where an
     *         Ethernet header is built
     */
    void destination(byte[] address) {
        int length = address.length;
        if (length == lastLength && Arrays.equals(address, 0, length, lastAddress, 0, length)) {
            return;
        }
        if (withVnetHeader && length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + length);
        }
        SocketAddressCodec.writeLinkLayer(name, interfaceIndex, Native.ETH_P_IPV6, address);
        if (withVnetHeader) {
            ethernet.put(0, address, 0, 6);
        }
        System.arraycopy(address, 0, lastAddress, 0, length);
        lastLength = length;
    }

    /**
     * Points the message at {@code length} bytes of {@code src} from its position (virtio-net
     * header first, where there is one), copying them unless {@code src} is direct. Does not move
     * the position.
     *
     * @throws IllegalArgumentException if a virtio-net header is expected and the bytes are shorter
     */
    void packet(ByteBuffer src, int length) {
        int at = src.position();
        int packetLength = length;
        if (withVnetHeader) {
            if (length < PacketEndpoint.VNET_HEADER_LENGTH) {
                throw new IllegalArgumentException(length + " bytes are shorter than a virtio-net header");
            }
            copyVnetHeader(src, at);
            at += PacketEndpoint.VNET_HEADER_LENGTH;
            packetLength -= PacketEndpoint.VNET_HEADER_LENGTH;
        }
        long address;
        if (src.isDirect()) {
            address = MEMORY.getDirectBufferAddress(src) + at;
        } else {
            if (src.hasArray()) {
                payload.put(0, src.array(), src.arrayOffset() + at, packetLength);
            } else {
                byte[] scratch = readOnlyScratch();
                src.get(at, scratch, 0, packetLength);
                payload.put(0, scratch, 0, packetLength);
            }
            address = payload.address();
        }
        int slot = withVnetHeader ? 2 * IOVEC : 0;
        iov.putAddress(slot, address);
        iov.putLong(slot + 8, packetLength);
    }

    /** Copies the caller's virtio-net header, moving its offsets past the Ethernet header. */
    private void copyVnetHeader(ByteBuffer src, int at) {
        for (int i = 0; i < PacketEndpoint.VNET_HEADER_LENGTH; i++) {
            vnet.putByte(i, src.get(at + i));
        }
        int headerLength = u16(src, at + VNET_HDR_LEN);
        if (headerLength != 0) {
            putU16(vnet, VNET_HDR_LEN, headerLength + ETHERNET_HEADER);
        }
        if ((src.get(at + VNET_FLAGS) & FLAG_NEEDS_CSUM) != 0) {
            putU16(vnet, VNET_CSUM_START, u16(src, at + VNET_CSUM_START) + ETHERNET_HEADER);
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
    }

    private static void putU16(Pointer p, int at, int value) {
        p.putByte(at, (byte) value);
        p.putByte(at + 1, (byte) (value >>> 8));
    }

    private byte[] readOnlyScratch() {
        if (readOnlyScratch == null) {
            readOnlyScratch = new byte[payloadCapacity];
        }
        return readOnlyScratch;
    }
}
