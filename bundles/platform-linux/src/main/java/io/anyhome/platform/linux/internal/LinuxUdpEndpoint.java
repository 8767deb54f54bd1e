package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP socket bound to an address and port, optionally to a device and with a mark; opened by
 * {@link LinuxSockets#openUdp}. An IPv6 wildcard bind is dual-stack (IPv4 peers appear
 * IPv4-mapped); an IPv4 bind makes an IPv4 socket. Every receive reports the source, the
 * destination address and arrival interface ({@code IPV6_PKTINFO} / {@code IP_PKTINFO}) and the
 * hop limit or TTL; with {@code UDP_GRO} it also reports the segment size of a coalesced batch.
 * Threads: see {@link SocketEndpoint}.
 */
final class LinuxUdpEndpoint extends SocketEndpoint implements UdpEndpoint {
    /** {@code UDP_MAX_SEGMENTS}: the kernel refuses more segments in one send. */
    static final int MAX_SEGMENTS = 64;
    /**
     * Receive and send buffer of every UDP endpoint: a tunnel receives 64 KiB coalesced bursts
     * ({@code UDP_GRO}); the kernel's 208 KiB default overflows under one TCP flow at full speed.
     */
    static final int BUFFER_BYTES = 4 << 20;
    /** The largest UDP payload one IPv6 (or IPv4) datagram carries. */
    private static final int MAX_BATCH = 65507;

    private final InetSocketAddress localAddress;
    private final boolean gso;

    private LinuxUdpEndpoint(SocketSetup setup, int family, String description, InetSocketAddress localAddress,
            boolean gso) {
        super(setup, family, description, "datagram", CmsgCodec.space(2));
        this.localAddress = localAddress;
        this.gso = gso;
    }

    /**
     * Opens and binds the socket.
     *
     * @param options address, port, device, GRO
     * @param mark {@code SO_MARK}, 0 for none
     * @param capabilities what the kernel offers (GRO is only asked for where it exists)
     * @return the endpoint
     * @throws PlatformException naming the failed step and its argument
     */
    static LinuxUdpEndpoint open(UdpOptions options, int mark, SocketCapabilities capabilities)
            throws PlatformException {
        InetAddress address = options.bindAddress();
        int family = SocketAddressCodec.familyOf(address);
        String socket = "UDP socket";
        SocketSetup setup = SocketSetup.open(family, Native.SOCK_DGRAM, Native.IPPROTO_UDP, socket);
        try {
            boolean ipv4Arrivals = family == Native.AF_INET;
            if (family == Native.AF_INET6) {
                boolean dualStack = address.isAnyLocalAddress();
                setup.set(Native.IPPROTO_IPV6, Native.IPV6_V6ONLY, "IPV6_V6ONLY", dualStack ? 0 : 1);
                setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 1);
                setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT", 1);
                ipv4Arrivals = dualStack;
            }
            if (ipv4Arrivals) {
                setup.set(Native.IPPROTO_IP, Native.IP_PKTINFO, "IP_PKTINFO", 1);
                setup.set(Native.IPPROTO_IP, Native.IP_RECVTTL, "IP_RECVTTL", 1);
            }
            setup.device(options.device());
            setup.mark(mark);
            setup.buffers(BUFFER_BYTES);
            if (options.gro() && capabilities.udpGro()) {
                setup.set(Native.IPPROTO_UDP, Native.UDP_GRO, "UDP_GRO", 1);
            }
            setup.bind(family, address, options.port(), options.device());
            int port = setup.boundPort();
            InetSocketAddress local = new InetSocketAddress(address, port);
            return new LinuxUdpEndpoint(setup, family, "UDP socket " + SocketAddressCodec.text(address, port), local,
                    capabilities.udpGso());
        } catch (PlatformException | RuntimeException e) {
            setup.abandon();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** @return true if {@link #sendSegmented} hands batches to the kernel ({@code UDP_SEGMENT}) */
    boolean segmentationOffload() {
        return gso;
    }

    @Override
    public void send(ByteBuffer src, InetSocketAddress destination) throws PlatformException {
        enter();
        try {
            synchronized (sendLock) {
                tx.useName(destination(destination.getAddress(), destination.getPort(), 0));
                tx.useControl(0);
                sendChunk(src, src.remaining());
            }
        } catch (ErrnoException e) {
            throw sendFailure(e, sending(destination));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, sending(destination) + ": " + e.getMessage());
        } finally {
            leave();
        }
    }

    @Override
    public void sendSegmented(ByteBuffer src, InetSocketAddress destination, int segmentSize) throws PlatformException {
        if (segmentSize <= 0) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send segmented from " + description
                    + ": segment size " + segmentSize + " is not positive");
        }
        enter();
        try {
            synchronized (sendLock) {
                tx.useName(destination(destination.getAddress(), destination.getPort(), 0));
                int perBatch = gso ? Math.max(1, Math.min(MAX_SEGMENTS, MAX_BATCH / segmentSize)) : 1;
                while (src.hasRemaining()) {
                    int length = Math.min(src.remaining(), perBatch * segmentSize);
                    if (length > segmentSize) {
                        tx.useControl(CmsgCodec.putUdpSegment(tx.control, 0, segmentSize));
                    } else {
                        tx.useControl(0);
                    }
                    sendChunk(src, length);
                }
            }
        } catch (ErrnoException e) {
            throw sendFailure(e, sending(destination));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, sending(destination) + ": " + e.getMessage());
        } finally {
            leave();
        }
    }

    private void sendChunk(ByteBuffer src, int length) throws ErrnoException, PlatformException {
        sendPrepared(src, length);
        src.position(src.position() + length);
    }


    private String sending(InetSocketAddress destination) {
        return "send from " + description + " to " + SocketAddressCodec.text(destination.getAddress(), destination.getPort());
    }
}
