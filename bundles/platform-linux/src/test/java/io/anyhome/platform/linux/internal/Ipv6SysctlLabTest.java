package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.PlatformException;
import org.junit.jupiter.api.Test;

/** Per-interface IPv6 settings of a namespace, read and written from a thread inside it. */
class Ipv6SysctlLabTest {
    @Test
    void givenAVethInANamespace_whenForwardingIsSet_thenTheNamespaceSeesIt() throws Exception {
        try (LabNamespace ns = LabNamespace.create("sysctl")) {
            ns.ip("link", "add", "fw0", "type", "veth", "peer", "name", "fw1");
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);

            int before = ns.inside(() -> platform.ipv6Setting("fw0", Ipv6Setting.FORWARDING));
            ns.inside(() -> {
                platform.setIpv6Setting("fw0", Ipv6Setting.FORWARDING, 1);
                platform.setIpv6Setting("fw0", Ipv6Setting.ACCEPT_RA, 2);
                return null;
            });

            assertThat(before).isZero();
            assertThat(ns.inside(() -> platform.ipv6Setting("fw0", Ipv6Setting.FORWARDING))).isEqualTo(1);
            assertThat(ns.exec("sysctl", "-n", "net.ipv6.conf.fw0.forwarding").output().trim()).isEqualTo("1");
            assertThat(ns.exec("sysctl", "-n", "net.ipv6.conf.fw0.accept_ra").output().trim()).isEqualTo("2");
            assertThat(ns.exec("sysctl", "-n", "net.ipv6.conf.fw1.forwarding").output().trim()).isEqualTo("0");
        }
    }

    @Test
    void givenNoSuchInterface_whenASettingIsRead_thenTheErrorNamesTheSettingAndTheInterface() throws Exception {
        try (LabNamespace ns = LabNamespace.create("sysctl")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);

            assertThatThrownBy(() -> ns.inside(() -> platform.ipv6Setting("nosuch0", Ipv6Setting.ACCEPT_RA)))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                        assertThat(e.getMessage()).contains("net.ipv6.conf.nosuch0.accept_ra").contains("no interface nosuch0");
                    });
            assertThatThrownBy(() -> ns.inside(() -> {
                platform.setIpv6Setting("nosuch0", Ipv6Setting.PROXY_NDP, 1);
                return null;
            })).isInstanceOfSatisfying(PlatformException.class,
                    e -> assertThat(e.getMessage()).contains("set net.ipv6.conf.nosuch0.proxy_ndp to 1"));
        }
    }
}
