package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.UdpEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** An emulated UDP socket of a {@link SimPlatform} node; sends with hop limit 64. */
final class SimUdpEndpoint extends SimEndpoint implements UdpEndpoint {
    private final InetAddress localAddress;
    final int port;

    SimUdpEndpoint(SimPlatform node, InetAddress bind, int port, String device) {
        super(node, bind.isAnyLocalAddress() ? null : bind.getAddress(), device);
        this.localAddress = bind;
        this.port = port;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(localAddress, port);
    }

    @Override
    public void send(ByteBuffer src, InetSocketAddress destination) throws PlatformException {
        synchronized (node.monitor()) {
            requireOpen();
            if (destination.getPort() == 0 || destination.getAddress() == null) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "send to " + destination + ": no address or port 0",
                        22, null);
            }
            byte[] dst = destination.getAddress().getAddress();
            if (bindAddress != null && bindAddress.length != dst.length) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "send to " + destination
                        + " from a socket bound to another address family", 97, null);
            }
            ByteBuffer data = ByteBuffer.wrap(remaining(src));
            node.send(bindAddress, dst, node.deviceIndex(device), source -> Packets.udp(source, port, dst,
                    destination.getPort(), 64, data.duplicate()));
        }
    }

    @Override
    public void sendSegmented(ByteBuffer src, InetSocketAddress destination, int segmentSize)
            throws PlatformException {
        if (segmentSize <= 0) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "segment size " + segmentSize + " is not positive", 22,
                    null);
        }
        while (src.hasRemaining()) {
            ByteBuffer one = src.slice(src.position(), Math.min(segmentSize, src.remaining()));
            send(one, destination);
            src.position(src.position() + one.capacity());
        }
    }
}
