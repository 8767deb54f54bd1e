package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.platform.ReceiveMetadata;
import java.net.InetAddress;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;

/** Ancillary data laid out as 64-bit Linux expects it, and read back into {@link ReceiveMetadata}. */
class CmsgCodecTest {
    private final byte[] scratch16 = new byte[16];
    private final byte[] scratch4 = new byte[4];

    @Test
    void givenAUdpSegmentMessage_whenWritten_thenTheBytesAreCmsgLenLevelTypeAndTheSize() throws Exception {
        Pointer control = Native.get().allocate(64);

        int end = CmsgCodec.putUdpSegment(control, 0, 1200);

        byte[] bytes = new byte[end];
        control.get(0, bytes, 0, end);
        assertThat(end).isEqualTo(24);
        assertThat(bytes).containsExactly(
                18, 0, 0, 0, 0, 0, 0, 0, // cmsg_len = 16 + 2
                17, 0, 0, 0, // SOL_UDP
                103, 0, 0, 0, // UDP_SEGMENT
                (byte) 0xb0, 0x04, 0, 0, 0, 0, 0, 0); // 1200, padded to 8
    }

    @Test
    void givenIpv6PacketInfoHopLimitAndGro_whenRead_thenTheMetadataHasDestinationInterfaceHopLimitAndSegmentSize()
            throws Exception {
        Pointer control = Native.get().allocate(CmsgCodec.RECEIVE_SPACE);
        byte[] ff02 = InetAddress.getByName("ff02::1").getAddress();
        int data = CmsgCodec.put(control, 0, Native.IPPROTO_IPV6, Native.IPV6_PKTINFO, 20);
        control.put(data, ff02, 0, 16);
        control.putInt(data + 16, 7);
        int end = CmsgCodec.putInt(control, CmsgCodec.space(20), Native.IPPROTO_IPV6,
                Native.IPV6_HOPLIMIT, 255);
        end = CmsgCodec.putInt(control, end, Native.IPPROTO_UDP, Native.UDP_GRO, 1200);
        ReceiveMetadata meta = new ReceiveMetadata();

        CmsgCodec.readArrival(control, end, scratch16, scratch4, meta);

        assertThat(meta.destinationAddress()).isEqualTo(InetAddress.getByName("ff02::1"));
        assertThat(meta.interfaceIndex()).isEqualTo(7);
        assertThat(meta.hopLimit()).isEqualTo(255);
        assertThat(meta.segmentSize()).isEqualTo(1200);
    }

    @Test
    void givenIpv4PacketInfoAndTtl_whenRead_thenTheDestinationIsIpv4Mapped() throws Exception {
        Pointer control = Native.get().allocate(CmsgCodec.RECEIVE_SPACE);
        int data = CmsgCodec.put(control, 0, Native.IPPROTO_IP, Native.IP_PKTINFO, 12);
        control.putInt(data, 3);
        control.put(data + 8, new byte[] {(byte) 192, 0, 2, 2}, 0, 4);
        int end = CmsgCodec.putInt(control, CmsgCodec.space(12), Native.IPPROTO_IP, Native.IP_TTL, 63);
        ReceiveMetadata meta = new ReceiveMetadata();

        CmsgCodec.readArrival(control, end, scratch16, scratch4, meta);

        assertThat(meta.destinationAddress()).isEqualTo(InetAddress.getByName("192.0.2.2"));
        assertThat(meta.destinationAddressBytes()[11]).isEqualTo((byte) 0xff);
        assertThat(meta.interfaceIndex()).isEqualTo(3);
        assertThat(meta.hopLimit()).isEqualTo(63);
        assertThat(meta.segmentSize()).isZero();
    }

    @Test
    void givenAMessageLongerThanTheControlLength_whenRead_thenItIsIgnoredAndTheMetadataReset() throws Exception {
        Pointer control = Native.get().allocate(CmsgCodec.RECEIVE_SPACE);
        CmsgCodec.putInt(control, 0, Native.IPPROTO_IPV6, Native.IPV6_HOPLIMIT, 64);
        ReceiveMetadata meta = new ReceiveMetadata();
        meta.setArrival(9, 9, 9);

        CmsgCodec.readArrival(control, 18, scratch16, scratch4, meta); // truncated (MSG_CTRUNC)

        assertThat(meta.hopLimit()).isEqualTo(-1);
        assertThat(meta.interfaceIndex()).isZero();
        assertThat(meta.destinationAddress()).isEqualTo(InetAddress.getByName("::"));
    }
}
