package io.anyhome.api.nic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NicDriverNamesTest {
    @Test
    void givenNoConfiguration_whenNamed_thenTheTechnologyDefaultIsTheName() {
        assertThat(NicDriverNames.of("ethernet", "", Map.of())).isEqualTo("ethernet");
        assertThat(NicDriverNames.of("wlan", null, Map.of("service.pid", "io.anyhome.nic.wlan"))).isEqualTo("wlan");
    }

    @Test
    void givenAConfiguredName_whenNamed_thenItWinsTrimmed() {
        assertThat(NicDriverNames.of("ethernet", "uplinks", Map.of())).isEqualTo("uplinks");
        assertThat(NicDriverNames.of("wlan", " roof ", Map.of("felix.fileinstall.filename",
                "file:/opt/anyhome/etc/io.anyhome.nic.wlan-lab.cfg"))).isEqualTo("roof");
    }

    @Test
    void givenAFactoryConfigurationFile_whenNamed_thenTheInstanceNameComesFromTheFile() {
        assertThat(NicDriverNames.of("ethernet", "", Map.of("felix.fileinstall.filename",
                "file:/opt/anyhome/etc/io.anyhome.nic.ethernet-lab.cfg"))).isEqualTo("ethernet-lab");
        assertThat(NicDriverNames.of("wlan", "  ", Map.of("felix.fileinstall.filename",
                "/opt/anyhome/etc/io.anyhome.nic.wlan-roof.config", "service.pid", "io.anyhome.nic.wlan~x",
                "service.factoryPid", "io.anyhome.nic.wlan"))).isEqualTo("wlan-roof");
    }

    @Test
    void givenAFileWithoutInstancePart_whenNamed_thenThePidDecides() {
        assertThat(NicDriverNames.of("wlan", "", Map.of("felix.fileinstall.filename",
                "file:/opt/anyhome/etc/io.anyhome.nic.wlan.cfg"))).isEqualTo("wlan");
        assertThat(NicDriverNames.of("wlan", "", Map.of("felix.fileinstall.filename",
                "file:/etc/io.anyhome.nic.wlan.cfg", "service.pid", "io.anyhome.nic.wlan~lab",
                "service.factoryPid", "io.anyhome.nic.wlan"))).isEqualTo("wlan-lab");
    }

    @Test
    void givenAFactoryPid_whenNamed_thenTheInstanceAfterTheTildeOrThePidsTailIsUsed() {
        assertThat(NicDriverNames.of("cellular", "", Map.of("service.pid", "io.anyhome.nic.cellular~modem",
                "service.factoryPid", "io.anyhome.nic.cellular"))).isEqualTo("cellular-modem");
        assertThat(NicDriverNames.of("cellular", "", Map.of("service.pid", "io.anyhome.nic.cellular.3f2a9c1d",
                "service.factoryPid", "io.anyhome.nic.cellular"))).isEqualTo("cellular-3f2a9c1d");
    }
}
