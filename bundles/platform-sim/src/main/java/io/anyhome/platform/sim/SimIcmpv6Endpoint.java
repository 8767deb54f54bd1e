package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.PlatformException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Set;

/** An emulated ICMPv6 socket: receives the messages of its types; the checksum is computed on send. */
final class SimIcmpv6Endpoint extends SimEndpoint implements Icmpv6Endpoint {
    private final Set<Integer> types;

    SimIcmpv6Endpoint(SimPlatform node, Set<Integer> types, byte[] bind, String device) {
        super(node, bind, device);
        this.types = types;
    }

    boolean wants(int type) {
        return types.isEmpty() || types.contains(type);
    }

    @Override
    public void send(ByteBuffer src, InetAddress destination, int interfaceIndex, int hopLimit)
            throws PlatformException {
        synchronized (node.monitor()) {
            requireOpen();
            if (hopLimit < 1 || hopLimit > 255) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "hop limit " + hopLimit + " is outside 1..255", 22,
                        null);
            }
            if (src.remaining() < 4) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "ICMPv6 message of " + src.remaining()
                        + " bytes is shorter than 4", 22, null);
            }
            byte[] dst = destination.getAddress();
            if (dst.length != 16) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "ICMPv6 to an IPv4 address", 97, null);
            }
            int oif = interfaceIndex != 0 ? interfaceIndex : node.deviceIndex(device);
            ByteBuffer message = ByteBuffer.wrap(remaining(src));
            node.send(bindAddress, dst, oif, source -> Packets.icmpv6(source, dst, hopLimit, message.duplicate()));
        }
    }
}
