package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.platform.ReceiveMetadata;
import java.net.InetAddress;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;

/** {@code sockaddr_in6}, {@code sockaddr_in}, {@code sockaddr_nl} and {@code sockaddr_ll} as Linux lays them out (little-endian host). */
class SocketAddressCodecTest {
    @Test
    void givenAnIpv6AddressWithAScope_whenWritten_thenFamilyPortInNetworkOrderAddressAndScopeAreInPlace()
            throws Exception {
        Pointer p = Native.get().allocate(SocketAddressCodec.MAX_LENGTH);

        int length = SocketAddressCodec.write(p, Native.AF_INET6, InetAddress.getByName("fe80::1"), 4191, 5);

        byte[] bytes = new byte[length];
        p.get(0, bytes, 0, length);
        assertThat(length).isEqualTo(28);
        assertThat(bytes).containsExactly(
                10, 0, 0x10, 0x5f, 0, 0, 0, 0,
                (byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                5, 0, 0, 0);
    }

    @Test
    void givenAnIpv4AddressForAnIpv6Socket_whenWritten_thenItIsIpv4Mapped() throws Exception {
        Pointer p = Native.get().allocate(SocketAddressCodec.MAX_LENGTH);

        SocketAddressCodec.write(p, Native.AF_INET6, InetAddress.getByName("192.0.2.7"), 53, 0);

        ReceiveMetadata meta = new ReceiveMetadata();
        SocketAddressCodec.readSource(p, new byte[16], new byte[4], meta);
        assertThat(meta.sourceAddress()).isEqualTo(InetAddress.getByName("192.0.2.7"));
        assertThat(meta.sourceAddressBytes()[10]).isEqualTo((byte) 0xff);
        assertThat(meta.sourcePort()).isEqualTo(53);
    }

    @Test
    void givenAnIpv4Socket_whenWritingAMappedAddress_thenPlainIpv4_andAnIpv6AddressIsRefused() throws Exception {
        Pointer p = Native.get().allocate(SocketAddressCodec.MAX_LENGTH);

        int length = SocketAddressCodec.write(p, Native.AF_INET, InetAddress.getByName("::ffff:198.51.100.1"), 1, 0);

        byte[] bytes = new byte[length];
        p.get(0, bytes, 0, length);
        assertThat(bytes).containsExactly(2, 0, 0, 1, (byte) 198, 51, 100, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> SocketAddressCodec.write(p, Native.AF_INET, InetAddress.getByName("2001:db8::1"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2001:db8::1");
    }

    @Test
    void givenNetlinkGroups_whenWritten_thenFamilyZeroPortIdAndTheGroupMaskAreInPlace() throws Exception {
        Pointer p = Native.get().allocate(SocketAddressCodec.NETLINK_LENGTH);
        p.putInt(4, -1); // stale bytes must not survive

        int length = SocketAddressCodec.writeNetlink(p, 0x441);

        byte[] bytes = new byte[length];
        p.get(0, bytes, 0, length);
        assertThat(length).isEqualTo(12);
        assertThat(bytes).containsExactly(16, 0, 0, 0, 0, 0, 0, 0, 0x41, 0x04, 0, 0);
    }

    @Test
    void givenAnEthernetNextHop_whenWrittenAsLinkLayerAddress_thenFamilyEtherTypeInNetworkOrderIndexLengthAndAddressAreInPlace()
            throws Exception {
        Pointer p = Native.get().allocate(SocketAddressCodec.MAX_LENGTH);
        p.setMemory(0, SocketAddressCodec.MAX_LENGTH, (byte) 0x55); // stale bytes must not survive

        int length = SocketAddressCodec.writeLinkLayer(p, 7, Native.ETH_P_IPV6,
                new byte[] {0x02, 0x00, 0x5e, 0x00, 0x53, 0x01});

        byte[] bytes = new byte[length];
        p.get(0, bytes, 0, length);
        assertThat(length).isEqualTo(20);
        assertThat(bytes).containsExactly(
                17, 0, (byte) 0x86, (byte) 0xdd, 7, 0, 0, 0,
                0, 0, 0, 6,
                0x02, 0x00, 0x5e, 0x00, 0x53, 0x01, 0, 0);
        assertThatThrownBy(() -> SocketAddressCodec.writeLinkLayer(p, 7, Native.ETH_P_IPV6, new byte[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9");
    }
}
