package io.anyhome.platform.linux.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A raw IPv6 socket for one next header (41 IPv6-in-IPv6, 43 routing, 60 destination options,
 * 135 Mobility Header, ...), or for {@link RawIpv6Options#HEADER_INCLUDED} a socket that sends
 * complete packets whose IPv6 header anyhome built (the kernel sets {@code IPV6_HDRINCL} for
 * {@code IPPROTO_RAW}). Opened by {@link LinuxSockets#openRawIpv6}. Receives the payload after
 * the IPv6 header with the arrival interface and hop limit ({@code IPV6_RECVPKTINFO},
 * {@code IPV6_RECVHOPLIMIT}). Threads: see {@link SocketEndpoint}.
 */
final class LinuxRawIpv6Endpoint extends SocketEndpoint implements RawIpv6Endpoint {
    private final int nextHeader;

    private LinuxRawIpv6Endpoint(SocketSetup setup, String description, int nextHeader) {
        super(setup, Native.AF_INET6, description, "packet", 0);
        this.nextHeader = nextHeader;
    }

    /**
     * Opens the socket.
     *
     * @param options next header, checksum offset, address, device, mark
     * @return the endpoint
     * @throws PlatformException naming the failed step; {@code PERMISSION_DENIED} without {@code CAP_NET_RAW}
     */
    static LinuxRawIpv6Endpoint open(RawIpv6Options options) throws PlatformException {
        int nextHeader = options.nextHeader();
        String socket = "raw IPv6 socket for next header " + nextHeader;
        SocketSetup setup = SocketSetup.open(Native.AF_INET6, Native.SOCK_RAW, nextHeader, socket);
        try {
            // Set even when off: the kernel checksums some next headers (135 at offset 4) by default.
            if (nextHeader != RawIpv6Options.HEADER_INCLUDED
                    || options.checksumOffset() != RawIpv6Options.CHECKSUM_OFF) {
                setup.set(Native.IPPROTO_IPV6, Native.IPV6_CHECKSUM, "IPV6_CHECKSUM",
                        options.checksumOffset());
            }
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 1);
            setup.set(Native.IPPROTO_IPV6, Native.IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT", 1);
            setup.device(options.device());
            setup.mark(options.mark());
            if (options.bindAddress() != null) {
                setup.bind(Native.AF_INET6, options.bindAddress(), 0, options.device());
            }
            String description = socket
                    + (options.bindAddress() != null ? " on " + AddressText.format(options.bindAddress()) : "")
                    + (options.device() != null ? " dev " + options.device() : "");
            return new LinuxRawIpv6Endpoint(setup, description, nextHeader);
        } catch (PlatformException | RuntimeException e) {
            setup.abandon();
            throw e;
        }
    }

    @Override
    public int nextHeader() {
        return nextHeader;
    }

    @Override
    public void send(ByteBuffer src, InetAddress destination) throws PlatformException {
        enter();
        try {
            synchronized (sendLock) {
                tx.useName(destination(destination, 0, 0));
                tx.useControl(0);
                sendPrepared(src, src.remaining());
            }
            src.position(src.limit());
        } catch (ErrnoException e) {
            throw sendFailure(e, "send from " + description + " to " + AddressText.format(destination));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + ": " + e.getMessage());
        } finally {
            leave();
        }
    }
}
