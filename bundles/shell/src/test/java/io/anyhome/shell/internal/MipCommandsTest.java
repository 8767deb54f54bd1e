package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.mobility.MobilityStatisticsDTO;
import io.anyhome.api.mobility.MobilityStatusDTO;
import io.anyhome.api.path.Encapsulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MipCommandsTest {
    private final FakeMobility service = new FakeMobility();
    private final MipCommands commands = new MipCommands(service);

    @Test
    void givenNoMobilityService_whenAnyCommandRuns_thenItFailsSayingWhichRolesRunIt() {
        MipCommands none = new MipCommands();

        assertThatIllegalStateException().isThrownBy(() -> none.status(false))
                .withMessageContaining("mobility is not running on this node").withMessageContaining("role=mn");
        assertThatIllegalStateException().isThrownBy(() -> none.bul(true));
        assertThatIllegalStateException().isThrownBy(() -> none.register(false, "eth0"));
        assertThatIllegalStateException().isThrownBy(() -> none.deregister(false));
        assertThat(CommandLineRunner.exitStatusOf(new IllegalStateException())).isEqualTo(CommandLineRunner.FAILED);
    }

    @Test
    void givenARegisteredBinding_whenTheListIsShown_thenATableHasOneLinePerEntry_andJsonHasTheDtos() {
        assertThat(((String) commands.bul(false)).lines()).containsExactly(
                "UPLINK  STATE       CAREOFADDRESS   HOMEAGENT      SEQUENCE  LIFETIME  EXPIRES               LASTACK  NAT  FAILURE",
                "eth0    REGISTERED  2001:db8:a::10  2001:db8:1::1  101       600       2026-11-26T10:10:00Z  0        -    -");
        assertThat((String) commands.bul(true)).startsWith("[{\"uplink\":\"eth0\"")
                .contains("\"state\":\"REGISTERED\"", "\"lifetimeGrantedMs\":600000").doesNotContain("\n");
    }

    @Test
    void givenTheStatus_whenShown_thenTheDtoIsTheTable_andJsonIsOneLine() {
        assertThat(DtoFormatter.table(commands.status(false))).contains("homeAddress: 2001:db8:1::10\n",
                "homeAgentAddress: 2001:db8:1::1\n", "encapsulation: UDP\n", "bindings: 1\n");
        assertThat((String) commands.status(true)).startsWith("{\"role\":\"mn\"").doesNotContain("\n");
        assertThat((String) commands.stats(true)).contains("\"bindingUpdatesSent\":3", "\"bindingAcksByStatus\":{\"0\":1}");
    }

    @Test
    void givenAnUplink_whenRegistered_thenTheServiceIsAsked_andAnUnknownOneIsAFailedCommandNamingIt() throws Exception {
        assertThat(commands.register(false, "wlan0")).isEqualTo("Binding Update sent through wlan0");
        assertThat(service.calls).containsExactly("register wlan0");

        assertThatThrownBy(() -> commands.register(false, "ppp9")).isInstanceOf(AnyhomeException.class)
                .hasMessageContaining("no uplink ppp9");
        assertThat((String) commands.register(true, "wlan0")).startsWith("[{\"uplink\":\"eth0\"");
    }

    @Test
    void givenABinding_whenDeregisteredWithOrWithoutUplink_thenTheServiceIsAskedForTheRightOne() throws Exception {
        assertThat(commands.deregister(false)).isEqualTo("deregistration sent");
        assertThat(commands.deregister(false, "eth0")).isEqualTo("deregistration sent through eth0");

        assertThat(service.calls).containsExactly("deregister null", "deregister eth0");
        assertThatThrownBy(() -> commands.deregister(false, "wlan0")).isInstanceOf(AnyhomeException.class)
                .hasMessageContaining("no binding through wlan0");
    }

    /** One registered binding through eth0; wlan0 and eth0 are known uplinks. */
    private static final class FakeMobility implements MobilityService {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<BindingDTO> bindings() {
            BindingDTO b = new BindingDTO();
            b.uplink = "eth0";
            b.homeAddress = "2001:db8:1::10";
            b.careOfAddress = "2001:db8:a::10";
            b.homeAgentAddress = "2001:db8:1::1";
            b.encapsulation = Encapsulation.UDP;
            b.sequence = 101;
            b.lifetimeRequestedMs = 600_000;
            b.lifetimeGrantedMs = 600_000;
            b.state = BindingState.REGISTERED;
            b.lastAckStatus = 0;
            b.registeredAt = 1_795_687_200_000L;
            b.expiresAt = 1_795_687_800_000L;
            b.mobileNetworkPrefixes = List.of();
            return List.of(b);
        }

        @Override
        public void register(String uplink) throws AnyhomeException {
            if (!uplink.equals("eth0") && !uplink.equals("wlan0")) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no uplink " + uplink);
            }
            calls.add("register " + uplink);
        }

        @Override
        public void deregister(String uplink) throws AnyhomeException {
            if (uplink != null && !uplink.equals("eth0")) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no binding through " + uplink);
            }
            calls.add("deregister " + uplink);
        }

        @Override
        public MobilityStatusDTO status() {
            MobilityStatusDTO s = new MobilityStatusDTO();
            s.role = "mn";
            s.homeAddress = "2001:db8:1::10";
            s.homePrefix = "2001:db8:1::/64";
            s.homeAgentAddress = "2001:db8:1::1";
            s.encapsulation = Encapsulation.UDP;
            s.mobileNetworkPrefixes = List.of();
            s.bindings = 1;
            return s;
        }

        @Override
        public MobilityStatisticsDTO statistics() {
            MobilityStatisticsDTO s = new MobilityStatisticsDTO();
            s.bindingUpdatesSent = 3;
            s.bindingAcksByStatus = Map.of(0, 1L);
            s.drops = Map.of();
            return s;
        }
    }
}
