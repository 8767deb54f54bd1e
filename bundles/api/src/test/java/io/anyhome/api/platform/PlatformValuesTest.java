package io.anyhome.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.IpPrefix;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformValuesTest {
    private static AddressEvent address(boolean tentative, boolean optimistic, boolean dadFailed) {
        return new AddressEvent(Change.NEW, 3, IpPrefix.parse("2001:db8:3::5/64"), AddressEvent.SCOPE_GLOBAL,
                tentative, optimistic, dadFailed, false, false, -1, -1, 0);
    }

    @Test
    void givenAddressesInDadStates_whenAskedIfUsableAsCareOfSource_thenOnlyFinishedOrOptimisticOnesAre() {
        assertThat(address(false, false, false).isUsableAsSource()).isTrue();
        assertThat(address(true, false, false).isUsableAsSource()).isFalse();
        assertThat(address(true, true, false).isUsableAsSource()).isTrue();
        assertThat(address(false, false, true).isUsableAsSource()).isFalse();
    }

    @Test
    void givenLinkStates_whenAskedIfTheyCarryTraffic_thenCarrierAndAdminStateDecide() {
        int upFlags = LinkEvent.IFF_UP | LinkEvent.IFF_RUNNING;
        assertThat(new LinkEvent(Change.NEW, 2, "wlan0", upFlags, true, OperState.UP, 1500, "", "", 0)
                .canCarryTraffic()).isTrue();
        assertThat(new LinkEvent(Change.NEW, 2, "wlan0", upFlags, false, OperState.LOWER_LAYER_DOWN, 1500,
                null, null, 0).canCarryTraffic()).isFalse();
        assertThat(new LinkEvent(Change.NEW, 2, "tun0", LinkEvent.IFF_UP, true, OperState.UNKNOWN, 1500,
                "tun", "", 0).canCarryTraffic()).as("virtual links report UNKNOWN").isTrue();
        assertThat(new LinkEvent(Change.DELETED, 2, "wlan0", upFlags, true, OperState.UP, 1500, "", "", 0)
                .canCarryTraffic()).isFalse();
    }

    @Test
    void givenInvalidInterfaceNames_whenUsedInOptions_thenTheFieldIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> TunOptions.of("home0-is-far-too-long", 1452))
                .withMessageContaining("name 'home0-is-far-too-long'");
        assertThatIllegalArgumentException().isThrownBy(() -> TunOptions.of("home0", 67))
                .withMessageContaining("mtu 67");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UdpOptions(AddressText.parse("::"), 4191, "eth/0", false))
                .withMessageContaining("device 'eth/0'");
    }

    @Test
    void givenRoutesAndRules_whenInvalid_thenTheMessageSaysWhatIsWrong() {
        IpPrefix defaultRoute = IpPrefix.parse("::/0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSpec(defaultRoute, null, 0, RouteSpec.MAIN_TABLE, 1))
                .withMessageContaining("needs a gateway or an interface index");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSpec(defaultRoute, AddressText.parse("192.0.2.1"), 0, 100, 1))
                .withMessageContaining("same address family");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PolicyRule(IpPrefix.parse("2001:db8:3::5"), 100, 32766))
                .withMessageContaining("priority 32766");
        RouteSpec viaRouter = new RouteSpec(defaultRoute, AddressText.parse("fe80::1"), 3, RouteSpec.MAIN_TABLE, 1024);
        assertThat(viaRouter.inTable(100)).isEqualTo(new RouteSpec(defaultRoute, AddressText.parse("fe80::1"), 3, 100, 1024));
    }

    @Test
    void givenRawAndIcmpOptions_whenInvalid_thenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RawIpv6Options(135, 3, null, null, 0))
                .withMessageContaining("checksumOffset 3");
        assertThat(new RawIpv6Options(135, RawIpv6Options.CHECKSUM_OFF, null, null, 0).checksumOffset()).isEqualTo(-1);
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Options(Set.of(134, 300), null, null, 0))
                .withMessageContaining("300");
    }

    @Test
    void givenAnIpv4Source_whenStoredInReceiveMetadata_thenItIsKeptIpv4MappedAndReadBackAsIpv4() {
        ReceiveMetadata metadata = new ReceiveMetadata();
        metadata.setSource(new byte[] {(byte) 198, 51, 100, 7}, 4191);
        metadata.setArrival(3, 64, 0);

        assertThat(metadata.sourceAddressBytes()).startsWith(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff);
        assertThat(AddressText.format(metadata.sourceAddress())).isEqualTo("198.51.100.7");
        assertThat(metadata.sourcePort()).isEqualTo(4191);
        assertThat(metadata.interfaceIndex()).isEqualTo(3);
        assertThat(metadata.hopLimit()).isEqualTo(64);
        assertThatIllegalArgumentException().isThrownBy(() -> metadata.setDestination(new byte[5]))
                .withMessageContaining("destination address has 5 bytes");
    }

    @Test
    void givenAKernelRefusal_whenThrown_thenTheMessageCarriesErrnoAndExtendedAck() {
        PlatformException e = new PlatformException(AnyhomeException.Code.INVALID_ARGUMENT,
                "add route ::/0 table 100", 22, "Nexthop has invalid gateway");

        assertThat(e).hasMessage("add route ::/0 table 100 (errno 22): Nexthop has invalid gateway");
        assertThat(e.errno()).isEqualTo(22);
        assertThat(e.extendedAck()).contains("Nexthop has invalid gateway");
        assertThat(e.code()).isEqualTo(AnyhomeException.Code.INVALID_ARGUMENT);
        assertThat(new PlatformException(AnyhomeException.Code.UNAVAILABLE, "no TUN").extendedAck()).isEmpty();
    }
}
