package io.anyhome.platform.linux.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import jnr.ffi.Pointer;

/**
 * The steps of opening a socket, each failing with a {@link PlatformException} that names the
 * socket, the option and its value. Used once per endpoint, when it is opened; these allocate
 * freely.
 */
final class SocketSetup {
    private final Native n;
    private final int fd;
    private final String socket;

    private SocketSetup(Native n, int fd, String socket) {
        this.n = n;
        this.fd = fd;
        this.socket = socket;
    }

    /**
     * Opens a non-blocking socket.
     *
     * @param socket what it is, for messages ({@code raw IPv6 socket for next header 135})
     * @return the setup of the new socket
     * @throws PlatformException naming the socket; {@code PERMISSION_DENIED} without
     *         {@code CAP_NET_RAW}, {@code UNAVAILABLE} without native access or off 64-bit Linux
     */
    static SocketSetup open(int domain, int type, int protocol, String socket) throws PlatformException {
        Native n = Native.get();
        if (!n.lp64()) {
            throw new PlatformException(Code.UNAVAILABLE, "open " + socket + ": only 64-bit Linux is supported");
        }
        try {
            return new SocketSetup(n, n.socket(domain, type | Native.SOCK_NONBLOCK, protocol), socket);
        } catch (ErrnoException e) {
            throw e.toPlatformException("open " + socket);
        }
    }

    /** @return the native access the socket was opened with */
    Native nativeAccess() {
        return n;
    }

    /** @return the socket */
    int fd() {
        return fd;
    }

    /** Sets an integer option, named {@code optionName} in the message. */
    void set(int level, int option, String optionName, int value) throws PlatformException {
        try {
            n.setIntOption(fd, level, option, value);
        } catch (ErrnoException e) {
            throw e.toPlatformException("set " + optionName + " " + value + " on " + socket);
        }
    }

    /** Sets an option from native memory, named {@code optionName} (with its value) in the message. */
    void set(int level, int option, String optionName, Pointer value, int length) throws PlatformException {
        try {
            n.setOption(fd, level, option, value, length);
        } catch (ErrnoException e) {
            throw e.toPlatformException("set " + optionName + " on " + socket);
        }
    }

    /**
     * Receive and send buffers of {@code bytes} each: forced past {@code net.core.rmem_max} /
     * {@code wmem_max} where the process may ({@code CAP_NET_ADMIN}), else as large as those allow.
     */
    void buffers(int bytes) throws PlatformException {
        try {
            receiveBuffer(n, fd, bytes);
            force(n, fd, Native.SO_SNDBUFFORCE, Native.SO_SNDBUF, bytes);
        } catch (ErrnoException e) {
            throw e.toPlatformException("set SO_RCVBUF/SO_SNDBUF " + bytes + " on " + socket);
        }
    }

    /** {@code SO_RCVBUFFORCE}, or {@code SO_RCVBUF} without the privilege for it. */
    static void receiveBuffer(Native n, int fd, int bytes) throws ErrnoException {
        force(n, fd, Native.SO_RCVBUFFORCE, Native.SO_RCVBUF, bytes);
    }

    private static void force(Native n, int fd, int forced, int plain, int bytes) throws ErrnoException {
        try {
            n.setIntOption(fd, Native.SOL_SOCKET, forced, bytes);
        } catch (ErrnoException notPrivileged) {
            n.setIntOption(fd, Native.SOL_SOCKET, plain, bytes);
        }
    }

    /** {@code SO_BINDTODEVICE}, if a device is given. */
    void device(String device) throws PlatformException {
        if (device == null) {
            return;
        }
        byte[] name = device.getBytes(StandardCharsets.US_ASCII);
        Pointer p = n.allocate(name.length + 1);
        p.put(0, name, 0, name.length);
        set(Native.SOL_SOCKET, Native.SO_BINDTODEVICE, "SO_BINDTODEVICE " + device, p, name.length + 1);
    }

    /** {@code SO_MARK}, if not 0. */
    void mark(int mark) throws PlatformException {
        if (mark != 0) {
            set(Native.SOL_SOCKET, Native.SO_MARK, "SO_MARK", mark);
        }
    }

    /**
     * Binds to an address and port. A link-local IPv6 address without a scope takes the device's
     * index.
     */
    void bind(int family, InetAddress address, int port, String device) throws PlatformException {
        String where = (port != 0 ? SocketAddressCodec.text(address, port) : AddressText.format(address))
                + (device != null ? " on " + device : "");
        try {
            int scope = 0;
            if (device != null && address.isLinkLocalAddress() && address instanceof Inet6Address a6
                    && a6.getScopeId() == 0) {
                scope = n.interfaceIndex(device);
            }
            Pointer name = n.allocate(SocketAddressCodec.MAX_LENGTH);
            int length = SocketAddressCodec.write(name, family, address, port, scope);
            n.bind(fd, name, length);
        } catch (ErrnoException e) {
            throw e.toPlatformException("bind " + socket + " to " + where);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "bind " + socket + " to " + where + ": " + e.getMessage());
        }
    }

    /** @return the port the socket is bound to */
    int boundPort() throws PlatformException {
        try {
            Pointer name = n.allocate(SocketAddressCodec.MAX_LENGTH);
            n.localAddress(fd, name, SocketAddressCodec.MAX_LENGTH);
            return SocketAddressCodec.port(name);
        } catch (ErrnoException e) {
            throw e.toPlatformException("read the local address of " + socket);
        }
    }

    /** Closes the socket after a failed setup step. */
    void abandon() {
        n.close(fd);
    }
}
