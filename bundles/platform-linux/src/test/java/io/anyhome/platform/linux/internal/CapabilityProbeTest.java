package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capability report, from a faked process status and from this machine. */
class CapabilityProbeTest {
    @TempDir
    Path dir;

    @Test
    void givenAStatusText_whenCapEffIsParsed_thenTheBitsAreThoseOfTheHexField() {
        String status = "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t0000000000003000\nCapBnd:\t000001ffffffffff\n";

        long caps = CapabilityProbe.effectiveCapabilities(status);

        assertThat(caps & (1L << CapabilityProbe.CAP_NET_ADMIN)).isNotZero();
        assertThat(caps & (1L << CapabilityProbe.CAP_NET_RAW)).isNotZero();
        assertThat(caps & 1L).isZero();
        assertThatThrownBy(() -> CapabilityProbe.effectiveCapabilities("Name:\tjava\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAProcessWithoutCapabilities_whenProbed_thenThePlatformIsUnavailableForLackOfNetAdmin() throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCapEff:\t0000000000000000\n");

        PlatformCapabilitiesDTO c = new CapabilityProbe(status, dir.resolve("none"))
                .probe(new RtnetlinkPlatformOps(), new LinuxSockets());

        assertThat(c.name).isEqualTo("linux");
        assertThat(c.available).isFalse();
        assertThat(c.netAdmin).isFalse();
        assertThat(c.tun).isFalse();
        assertThat(c.unavailabilityCause).contains("CAP_NET_ADMIN");
        // raw sockets are probed by opening one (SocketCapabilities), not read from the status file
        assertThat(c.featureCauses).containsKeys("netAdmin", "tun", "kernelMip6").doesNotContainKey("available");
    }

    @Test
    void givenRoot_whenTheSystemPlatformIsProbed_thenTunNetlinkAndRawSocketsAreThere() throws Exception {
        LabNamespace.requireLab();

        PlatformCapabilitiesDTO c;
        try (LabNamespace ns = LabNamespace.create("cap")) {
            c = ns.inside(LinuxPlatform::system).capabilities();
        }

        assertThat(c.available).as(c.unavailabilityCause).isTrue();
        assertThat(c.unavailabilityCause).isNull();
        assertThat(c.tun).isTrue();
        assertThat(c.tunVnetHeader).isTrue();
        assertThat(c.tunMultiQueue).isTrue();
        assertThat(c.netAdmin).isTrue();
        assertThat(c.rtnetlink).isTrue();
        assertThat(c.rawSockets).isTrue();
        assertThat(c.featureCauses).doesNotContainKeys("tun", "netAdmin", "tunVnetHeader", "rtnetlink", "rawSockets");
    }
}
