package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RaCommandsTest {
    private final RaCommands commands = new RaCommands(new FakeInterfaceSwitch(),
            Clock.fixed(Instant.ofEpochMilli(FakeInterfaceSwitch.NOW), ZoneOffset.UTC));

    @Test
    void givenTwoWatchedInterfaces_whenListed_thenEachShowsItsCareOfAddressMovementCountersRoutersAndPrefixes() {
        String text = (String) commands.list(false);

        assertThat(text).startsWith("interfaceName: eth0\nindex: 2\n"
                + "careOfAddress: 2001:db8:1::10 (usable since 2026-11-26T09:50:10Z)\n"
                + "lastMovement: new prefix 2001:db8:1::/64 at 2026-11-26T09:50:00Z\n"
                + "advertisementsAccepted: 12\nadvertisementsDropped: 1\nlastDropReason: hop limit 254\n\n"
                + "routers:\n"
                + "ADDRESS  LIFETIME  INTERVAL  LASTSEEN  ADVERTISEMENTS  HOMEAGENT  CURRENT\n"
                + "fe80::1  1800s     -         3s ago    12              false      true\n\n"
                + "prefixes:\n"
                + "PREFIX           FLAGS  VALID     PREFERRED  ROUTER\n"
                + "2001:db8:1::/64  LA     infinity  604800s    fe80::1\n\n"
                + "interfaceName: wlan0\n");
        assertThat(text).contains("careOfAddress: none\n").endsWith("routers:\n(none)\n\nprefixes:\n(none)");
    }

    @Test
    void givenJson_whenListed_thenTheAccessLinkDtosArePrintedOnOneLine() {
        assertThat((String) commands.list(true)).startsWith("[{\"interfaceName\":\"eth0\",\"index\":2,\"routers\":[{\"address\":\"fe80::1\"")
                .contains("\"careOfAddressState\":\"usable\"", "\"advertisementsDropped\":1", "{\"interfaceName\":\"wlan0\"")
                .doesNotContain("\n");
    }

    @Test
    void givenNoInterfaceSwitch_whenListed_thenTheCommandFailsSayingItIsNotRunning() {
        assertThatIllegalStateException().isThrownBy(() -> new RaCommands().list(false))
                .withMessageContaining("the interface switch is not running");
    }
}
