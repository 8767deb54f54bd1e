package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sysctl file mapping and its errors, on a directory laid out like /proc/sys/net/ipv6/conf. */
class Ipv6SysctlTest {
    @TempDir
    Path conf;

    @Test
    void givenASettingFile_whenReadAndWritten_thenTheValueRoundTrips() throws Exception {
        Files.createDirectories(conf.resolve("wlan0"));
        Files.writeString(conf.resolve("wlan0/accept_ra"), "1\n");
        Ipv6Sysctl sysctl = new Ipv6Sysctl(conf);

        int before = sysctl.read("wlan0", Ipv6Setting.ACCEPT_RA);
        sysctl.write("wlan0", Ipv6Setting.ACCEPT_RA, 2);

        assertThat(before).isEqualTo(1);
        assertThat(Files.readString(conf.resolve("wlan0/accept_ra"))).isEqualTo("2\n");
        assertThat(sysctl.read("wlan0", Ipv6Setting.ACCEPT_RA)).isEqualTo(2);
    }

    @Test
    void givenAnInterfaceWithoutTheSetting_whenWritten_thenNoFileIsCreatedAndTheErrorSaysSo() throws Exception {
        Files.createDirectories(conf.resolve("eth0"));
        Ipv6Sysctl sysctl = new Ipv6Sysctl(conf);

        assertThatThrownBy(() -> sysctl.write("eth0", Ipv6Setting.OPTIMISTIC_DAD, 1))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                    assertThat(e.getMessage()).contains("net.ipv6.conf.eth0.optimistic_dad").contains("no such setting");
                });
        assertThat(conf.resolve("eth0/optimistic_dad")).doesNotExist();
    }

    @Test
    void givenANameWithASlash_whenRead_thenItIsRefusedBeforeAnyFileIsTouched() {
        Ipv6Sysctl sysctl = new Ipv6Sysctl(conf);

        assertThatThrownBy(() -> sysctl.read("../../x", Ipv6Setting.FORWARDING))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void givenGarbageInTheFile_whenRead_thenTheErrorQuotesIt() throws Exception {
        Files.createDirectories(conf.resolve("all"));
        Files.writeString(conf.resolve("all/forwarding"), "yes\n");

        assertThatThrownBy(() -> new Ipv6Sysctl(conf).read("all", Ipv6Setting.FORWARDING))
                .hasMessageContaining("net.ipv6.conf.all.forwarding").hasMessageContaining("'yes'");
    }
}
