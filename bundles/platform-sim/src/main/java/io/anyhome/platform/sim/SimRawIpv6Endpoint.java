package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.packet.ip.UpperLayerChecksum;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * An emulated raw IPv6 socket for one next header: receives the upper-layer payload after the
 * IPv6 header and its extension headers; sends with hop limit 64, computing the checksum at the
 * configured offset; with {@link RawIpv6Options#HEADER_INCLUDED} sends complete packets as given.
 */
final class SimRawIpv6Endpoint extends SimEndpoint implements RawIpv6Endpoint {
    private final int nextHeader;
    private final int checksumOffset;

    SimRawIpv6Endpoint(SimPlatform node, RawIpv6Options options, byte[] bind) {
        super(node, bind, options.device());
        this.nextHeader = options.nextHeader();
        this.checksumOffset = options.checksumOffset();
    }

    @Override
    public int nextHeader() {
        return nextHeader;
    }

    @Override
    public void send(ByteBuffer src, InetAddress destination) throws PlatformException {
        synchronized (node.monitor()) {
            requireOpen();
            byte[] dst = destination.getAddress();
            byte[] payload = remaining(src);
            if (nextHeader == RawIpv6Options.HEADER_INCLUDED) {
                node.send(bindAddress, dst, node.deviceIndex(device), source -> payload);
                return;
            }
            if (checksumOffset >= 0 && checksumOffset + 2 > payload.length) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "checksum offset " + checksumOffset
                        + " is beyond the " + payload.length + "-byte payload", 22, null);
            }
            node.send(bindAddress, dst, node.deviceIndex(device), source -> {
                ByteBuffer p = ByteBuffer.wrap(payload.clone());
                if (checksumOffset >= 0) {
                    p.putShort(checksumOffset, (short) 0);
                    p.putShort(checksumOffset, (short) UpperLayerChecksum.ipv6(p, 0, p.limit(), source, dst,
                            nextHeader));
                }
                return Packets.ip(source, dst, nextHeader, 64, p);
            });
        }
    }
}
