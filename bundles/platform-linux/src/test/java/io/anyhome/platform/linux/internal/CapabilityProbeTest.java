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
                .probe(NotInThisBuild.INSTANCE, NotInThisBuild.INSTANCE);

        assertThat(c.name).isEqualTo("linux");
        assertThat(c.available).isFalse();
        assertThat(c.netAdmin).isFalse();
        assertThat(c.tun).isFalse();
        assertThat(c.rawSockets).isFalse();
        assertThat(c.unavailabilityCause).contains("CAP_NET_ADMIN");
        assertThat(c.featureCauses).containsEntry("rawSockets", "the process lacks CAP_NET_RAW")
                .containsKeys("netAdmin", "tun", "kernelMip6").doesNotContainKey("available");
    }

    @Test
    void givenRootWithTun_whenProbed_thenTunAndNetAdminAreThereAndTheMissingCollaboratorsAreNamed() {
        LabNamespace.requireLab();

        PlatformCapabilitiesDTO c = LinuxPlatform.withoutCollaborators().capabilities();

        assertThat(c.available).as(c.unavailabilityCause).isTrue();
        assertThat(c.unavailabilityCause).isNull();
        assertThat(c.tun).isTrue();
        assertThat(c.tunVnetHeader).isTrue();
        assertThat(c.tunMultiQueue).isTrue();
        assertThat(c.netAdmin).isTrue();
        assertThat(c.rtnetlink).isFalse();
        assertThat(c.featureCauses.get("rtnetlink")).contains("not available in this build");
        assertThat(c.featureCauses).doesNotContainKeys("tun", "netAdmin", "tunVnetHeader");
    }

    @Test
    void givenAPlatformWithoutRtnetlink_whenAMonitorIsAsked_thenItIsUnavailableAndSaysWhy() {
        LinuxPlatform platform = LinuxPlatform.withoutCollaborators();

        assertThatThrownBy(() -> platform.monitor(new io.anyhome.api.platform.NetworkListener() {
        })).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
            assertThat(e.getMessage()).contains("not available in this build");
        });
        assertThatThrownBy(() -> platform.interfaceIndex("lo")).isInstanceOf(PlatformException.class);
    }
}
