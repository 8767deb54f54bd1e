package io.anyhome.platform.linux.internal;

/**
 * The classic interface ioctls on a datagram socket ({@code SIOCSIFMTU}, {@code SIOCSIFFLAGS},
 * {@code SIOCGIFINDEX}), enough to bring a freshly made TUN device into service without
 * rtnetlink. The socket is opened on the calling thread, so it acts in that thread's network
 * namespace, like the TUN device itself.
 */
final class InterfaceControl {
    private InterfaceControl() {
    }

    /**
     * Sets the MTU, sets the link up and reads the index.
     *
     * @return the interface index
     * @throws ErrnoException naming the ioctl that failed
     */
    static int configure(Native n, String name, int mtu) throws ErrnoException {
        int socket = datagramSocket(n);
        try {
            n.ioctl(socket, LinuxTunDevice.SIOCSIFMTU, new InterfaceRequest(name).intValue(mtu).buffer(),
                    "SIOCSIFMTU " + name + " " + mtu);
            InterfaceRequest flags = new InterfaceRequest(name);
            n.ioctl(socket, LinuxTunDevice.SIOCGIFFLAGS, flags.buffer(), "SIOCGIFFLAGS " + name);
            if ((flags.flags() & LinuxTunDevice.IFF_UP) == 0) {
                flags.flags(flags.flags() | LinuxTunDevice.IFF_UP);
                n.ioctl(socket, LinuxTunDevice.SIOCSIFFLAGS, flags.buffer(), "SIOCSIFFLAGS " + name + " up");
            }
            InterfaceRequest index = new InterfaceRequest(name);
            n.ioctl(socket, LinuxTunDevice.SIOCGIFINDEX, index.buffer(), "SIOCGIFINDEX " + name);
            return index.intValue();
        } finally {
            n.close(socket);
        }
    }

    /** An IPv6 datagram socket, or IPv4 where the kernel has no IPv6. */
    private static int datagramSocket(Native n) throws ErrnoException {
        try {
            return n.socket(Native.AF_INET6, Native.SOCK_DGRAM, 0);
        } catch (ErrnoException e) {
            if (e.errno() != Native.EAFNOSUPPORT) {
                throw e;
            }
            return n.socket(Native.AF_INET, Native.SOCK_DGRAM, 0);
        }
    }
}
