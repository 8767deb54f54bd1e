package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.PlatformException;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * A send-only packet socket ({@code AF_PACKET}, protocol 0) on one interface, opened by
 * {@link LinuxSockets#openPacket}: each send hands one IPv6 packet to the interface for the next
 * hop's link-layer address, given in a {@code struct sockaddr_ll}. Protocol 0 registers no
 * receive hook, so the socket is given no copy of the interface's traffic.
 *
 * <p>Without a virtio-net header the socket is {@code SOCK_DGRAM} and the kernel writes the link
 * header, whatever the link. With one it is {@code SOCK_RAW}, the only packet socket that takes
 * {@code PACKET_VNET_HDR}: the interface must be Ethernet, and {@link PacketFrame} puts an
 * Ethernet header (the interface's MAC address, read when opening) between the virtio-net header
 * and the packet. Either way the packet goes through the qdisc ({@code PACKET_QDISC_BYPASS} is not
 * set, so tc shaping applies), and a TCP super-packet is segmented by the device or by the
 * kernel's GSO.
 *
 * <p>Sends use {@code sendmsg} with native memory reused for every packet ({@link PacketFrame}):
 * a direct buffer is sent in place, a heap buffer copied. Senders are serialised on one lock.
 * {@link #close()} may come from any thread; a {@link CloseGuard} closes the descriptor when the
 * last sender leaves. A sender waiting for room in the send buffer looks at the guard every
 * {@value #SEND_WAIT_MILLIS} ms, since a packet socket has no {@code shutdown} to wake it.
 */
final class LinuxPacketEndpoint implements PacketEndpoint {
    /** A virtio-net header and the largest IPv6 packet (a 64 KiB payload after the fixed header). */
    static final int PAYLOAD_CAPACITY = VNET_HEADER_LENGTH + 40 + 65535;
    static final long SIOCGIFHWADDR = 0x8927;
    static final int ARPHRD_ETHER = 1;
    private static final int SEND_WAIT_MILLIS = 100;

    private final Native n;
    private final int fd;
    private final String interfaceName;
    private final boolean vnetHeader;
    private final String description;
    private final CloseGuard guard;
    private final Object sendLock = new Object();
    /** Guarded by {@link #sendLock}. */
    private final PacketFrame frame;
    private final Pointer sendPoll;

    private LinuxPacketEndpoint(SocketSetup setup, String interfaceName, int interfaceIndex, byte[] sourceMac,
            String description) {
        this.n = setup.nativeAccess();
        this.fd = setup.fd();
        this.interfaceName = interfaceName;
        this.vnetHeader = sourceMac != null;
        this.description = description;
        this.frame = new PacketFrame(n, interfaceIndex, sourceMac, PAYLOAD_CAPACITY);
        this.sendPoll = n.pollSet(fd, Native.POLLOUT);
        this.guard = new CloseGuard(() -> n.close(fd));
    }

    /**
     * Opens the socket in the calling thread's namespace.
     *
     * @param options the interface and whether packets carry a virtio-net header
     * @return the endpoint
     * @throws PlatformException {@code NOT_FOUND} naming an unknown interface,
     *         {@code PERMISSION_DENIED} without {@code CAP_NET_RAW}, {@code UNAVAILABLE} for a
     *         virtio-net header on an interface that is not Ethernet, else naming the failed step
     */
    static LinuxPacketEndpoint open(PacketOptions options) throws PlatformException {
        String name = options.interfaceName();
        boolean vnet = options.vnetHeader();
        String socket = "packet socket on " + name + (vnet ? " with virtio-net header" : "");
        SocketSetup setup = SocketSetup.open(Native.AF_PACKET, vnet ? Native.SOCK_RAW : Native.SOCK_DGRAM, 0, socket);
        try {
            Native n = setup.nativeAccess();
            int index;
            byte[] sourceMac = null;
            try {
                index = n.interfaceIndex(name);
                if (vnet) {
                    InterfaceRequest hardware = new InterfaceRequest(name);
                    n.ioctl(setup.fd(), SIOCGIFHWADDR, hardware.buffer(), "SIOCGIFHWADDR " + name);
                    if (hardware.hardwareType() != ARPHRD_ETHER) {
                        throw new PlatformException(Code.UNAVAILABLE, "open " + socket + ": " + name
                                + " is not Ethernet (hardware type " + hardware.hardwareType()
                                + "); virtio-net headers need an Ethernet header in front");
                    }
                    sourceMac = hardware.hardwareAddress(6);
                }
            } catch (ErrnoException e) {
                throw e.toPlatformException("open " + socket);
            }
            if (vnet) {
                setup.set(Native.SOL_PACKET, Native.PACKET_VNET_HDR, "PACKET_VNET_HDR", 1);
            }
            return new LinuxPacketEndpoint(setup, name, index, sourceMac, socket);
        } catch (PlatformException | RuntimeException e) {
            setup.abandon();
            throw e;
        }
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public boolean vnetHeader() {
        return vnetHeader;
    }

    @Override
    public void send(ByteBuffer packet, byte[] linkLayerAddress) throws PlatformException {
        if (!guard.enter()) {
            throw closedException();
        }
        try {
            int length = packet.remaining();
            synchronized (sendLock) {
                if (length > frame.payloadCapacity() && !packet.isDirect()) {
                    throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + ": " + length
                            + " bytes exceed the largest packet, " + frame.payloadCapacity());
                }
                frame.destination(linkLayerAddress);
                frame.packet(packet, length);
                while (n.sendmsg(fd, frame.header) < 0) {
                    if (guard.isClosed()) {
                        throw closedException();
                    }
                    n.poll(sendPoll, 1, SEND_WAIT_MILLIS);
                }
            }
            packet.position(packet.limit());
        } catch (ErrnoException e) {
            throw guard.isClosed() ? closedException()
                    : e.toPlatformException("send from " + description + " to " + text(linkLayerAddress));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + " to "
                    + text(linkLayerAddress) + ": " + e.getMessage());
        } finally {
            guard.leave();
        }
    }

    /** @return {@code 02:00:5e:00:53:01}, for messages */
    static String text(byte[] address) {
        if (address == null) {
            return "no link-layer address";
        }
        return java.util.HexFormat.ofDelimiter(":").formatHex(address);
    }

    private PlatformException closedException() {
        return new PlatformException(Code.CLOSED, description + " is closed");
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    /** Closes; idempotent. A sender waiting for room in the send buffer notices within {@value #SEND_WAIT_MILLIS} ms. */
    @Override
    public void close() {
        guard.close(() -> {
        });
    }

    @Override
    public String toString() {
        return description;
    }
}
