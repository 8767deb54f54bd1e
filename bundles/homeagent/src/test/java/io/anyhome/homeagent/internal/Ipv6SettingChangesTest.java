package io.anyhome.homeagent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.testing.FakePlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ipv6SettingChangesTest {
    /** The fake platform with sysctls that keep their values and a log of the writes. */
    static final class SysctlPlatform extends FakePlatform {
        final Map<String, Integer> values = new HashMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public int ipv6Setting(String interfaceName, Ipv6Setting setting) {
            return values.getOrDefault(interfaceName + "." + setting.sysctlName(), 0);
        }

        @Override
        public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) {
            values.put(interfaceName + "." + setting.sysctlName(), value);
            writes.add(interfaceName + "." + setting.sysctlName() + "=" + value);
        }
    }

    final SysctlPlatform platform = new SysctlPlatform();

    @Test
    void givenSettingsChangedAtStart_whenRestored_thenEachHasTheValueFoundAgainLastFirst() throws PlatformException {
        platform.values.put("all.forwarding", 0);
        platform.values.put("hlink.forwarding", 0);
        platform.values.put("hlink.proxy_ndp", 0);
        Ipv6SettingChanges changes = new Ipv6SettingChanges(platform);
        changes.set("all", Ipv6Setting.FORWARDING, 1);
        changes.set("hlink", Ipv6Setting.FORWARDING, 1);
        changes.set("hlink", Ipv6Setting.PROXY_NDP, 1);
        assertThat(platform.values).containsEntry("hlink.proxy_ndp", 1).containsEntry("all.forwarding", 1);
        platform.writes.clear();

        changes.restore();

        assertThat(platform.values).containsEntry("all.forwarding", 0).containsEntry("hlink.forwarding", 0)
                .containsEntry("hlink.proxy_ndp", 0);
        assertThat(platform.writes).containsExactly("hlink.proxy_ndp=0", "hlink.forwarding=0", "all.forwarding=0");
    }

    @Test
    void givenASettingAlreadyAtTheValue_whenSetAndRestored_thenItIsNeverWritten() throws PlatformException {
        platform.values.put("all.forwarding", 1);
        Ipv6SettingChanges changes = new Ipv6SettingChanges(platform);

        changes.set("all", Ipv6Setting.FORWARDING, 1);
        changes.restore();

        assertThat(platform.writes).isEmpty();
        assertThat(platform.values).containsEntry("all.forwarding", 1);
    }

    @Test
    void givenASettingSetTwice_whenRestored_thenTheFirstValueFoundComesBack() throws PlatformException {
        platform.values.put("hlink.proxy_ndp", 0);
        Ipv6SettingChanges changes = new Ipv6SettingChanges(platform);

        changes.set("hlink", Ipv6Setting.PROXY_NDP, 1);
        changes.set("hlink", Ipv6Setting.PROXY_NDP, 2);
        changes.restore();

        assertThat(platform.values).containsEntry("hlink.proxy_ndp", 0);
    }
}
