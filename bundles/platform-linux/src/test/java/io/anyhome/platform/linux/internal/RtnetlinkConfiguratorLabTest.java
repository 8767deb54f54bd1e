package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration through rtnetlink in a namespace, checked with iproute2. */
class RtnetlinkConfiguratorLabTest {
    private final RtnetlinkPlatformOps ops = new RtnetlinkPlatformOps();

    private static LabNamespace withVeth(String prefix) {
        LabNamespace ns = LabNamespace.create(prefix);
        ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
        ns.ip("link", "set", "up1", "up");
        return ns;
    }

    @Test
    void givenAVeth_whenSetUpWithMtuAndANodadAddress_thenIpShowsThemAndAddingAgainSucceeds() throws Exception {
        try (LabNamespace ns = withVeth("cfglink")) {
            IpPrefix home = IpPrefix.parse("2001:db8:1::10/64");
            ns.inside(() -> {
                int up0 = ops.interfaceIndex("up0");
                ops.setMtu(up0, 1400);
                ops.setLinkUp(up0, true);
                ops.addAddress(up0, home, true);
                ops.addAddress(up0, home, true);
                return null;
            });

            assertThat(ns.ip("link", "show", "up0")).contains("mtu 1400").contains("state UP");
            String addr = ns.ip("-6", "addr", "show", "dev", "up0");
            assertThat(addr.lines().filter(l -> l.contains("inet6 2001:db8:1::10/64")))
                    .singleElement().satisfies(l -> assertThat(l).contains("nodad").doesNotContain("tentative"));

            ns.inside(() -> {
                int up0 = ops.interfaceIndex("up0");
                ops.removeAddress(up0, home);
                ops.removeAddress(up0, home);
                ops.setLinkUp(up0, false);
                return null;
            });
            assertThat(ns.ip("-6", "addr", "show", "dev", "up0")).doesNotContain("2001:db8:1::10");
            assertThat(ns.ip("link", "show", "up0")).contains("state DOWN");
        }
    }

    @Test
    void givenAnUplink_whenATableRouteAndASourceRuleAreAdded_thenIpShowsThemAndRemovalIsIdempotent()
            throws Exception {
        try (LabNamespace ns = withVeth("cfgroute")) {
            RouteSpec[] route = new RouteSpec[1];
            PolicyRule rule = new PolicyRule(IpPrefix.parse("2001:db8:1::10/128"), 100, 1000);
            ns.inside(() -> {
                int up0 = ops.interfaceIndex("up0");
                ops.setLinkUp(up0, true);
                ops.addAddress(up0, IpPrefix.parse("2001:db8:1::10/64"), true);
                route[0] = new RouteSpec(IpPrefix.parse("::/0"), InetAddress.getByName("2001:db8:1::1"), up0, 100, 10);
                ops.addRoute(route[0]);
                ops.addRoute(route[0]);
                ops.addRule(rule);
                ops.addRule(rule);
                return null;
            });

            assertThat(ns.ip("-6", "route", "show", "table", "100"))
                    .contains("default via 2001:db8:1::1 dev up0").contains("metric 10");
            String rules = ns.ip("-6", "rule");
            assertThat(rules).contains("1000:\tfrom 2001:db8:1::10 lookup 100");
            assertThat(rules.lines().filter(l -> l.startsWith("1000:")).count()).isEqualTo(1);

            ns.inside(() -> {
                ops.removeRule(rule);
                ops.removeRule(rule);
                ops.removeRoute(route[0]);
                ops.removeRoute(route[0]);
                return null;
            });
            assertThat(ns.ip("-6", "rule")).doesNotContain("lookup 100");
            assertThat(ns.ip("-6", "route", "show", "table", "100")).isBlank();
        }
    }

    @Test
    void givenAMissingDevice_whenARouteIsAdded_thenTheErrorCarriesErrnoAndAMessage() throws Exception {
        try (LabNamespace ns = LabNamespace.create("cfgerr")) {
            PlatformException e = ns.inside(() -> {
                try {
                    ops.addRoute(RouteSpec.onLink(IpPrefix.parse("2001:db8:5::/64"), 9999, 10).inTable(100));
                    return null;
                } catch (PlatformException expected) {
                    return expected;
                }
            });

            System.out.println("route via a missing device: " + e.getMessage());
            assertThat(e).isNotNull();
            assertThat(e.errno()).isIn(Native.ENODEV, Native.EINVAL);
            assertThat(e.getMessage()).contains("2001:db8:5::/64").contains("errno " + e.errno());
        }
    }

    @Test
    void givenAnMtuBelowTheMinimum_whenSet_thenTheKernelsExtendedAckIsInTheException() throws Exception {
        try (LabNamespace ns = withVeth("cfgextack")) {
            assertThatThrownBy(() -> ns.inside(() -> {
                ops.setMtu(ops.interfaceIndex("up0"), 10);
                return null;
            })).isInstanceOfSatisfying(PlatformException.class, e -> {
                assertThat(e.errno()).isEqualTo(Native.EINVAL);
                assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                assertThat(e.extendedAck()).hasValueSatisfying(m -> assertThat(m).containsIgnoringCase("mtu"));
            });
        }
    }

    @Test
    void givenNoSuchInterface_whenLookedUp_thenNotFound() throws Exception {
        try (LabNamespace ns = LabNamespace.create("cfgname")) {
            assertThatThrownBy(() -> ns.inside(() -> ops.interfaceIndex("nosuch0")))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                        assertThat(e.errno()).isEqualTo(Native.ENODEV);
                    });
            assertThat(ns.inside(() -> ops.interfaceIndex("lo"))).isEqualTo(1);
        }
    }

    @Test
    void givenAHomeLink_whenAProxyNeighbourIsAddedAndRemoved_thenIpShowsItThenNot() throws Exception {
        try (LabNamespace ns = withVeth("cfgproxy")) {
            InetAddress home = InetAddress.getByName("2001:db8:1::99");
            ns.inside(() -> {
                ops.addProxyNeighbour(ops.interfaceIndex("up0"), home);
                ops.addProxyNeighbour(ops.interfaceIndex("up0"), home);
                return null;
            });
            assertThat(ns.ip("-6", "neigh", "show", "proxy")).contains("2001:db8:1::99 dev up0");

            ns.inside(() -> {
                ops.removeProxyNeighbour(ops.interfaceIndex("up0"), home);
                ops.removeProxyNeighbour(ops.interfaceIndex("up0"), home);
                return null;
            });
            assertThat(ns.ip("-6", "neigh", "show", "proxy")).doesNotContain("2001:db8:1::99");
        }
    }

    @Test
    void givenACachedNeighbourAndAProxyEntryForOneAddress_whenTheNeighbourIsRemoved_thenOnlyTheCacheEntryGoes()
            throws Exception {
        try (LabNamespace ns = withVeth("cfgneigh")) {
            ns.ip("link", "set", "up0", "up");
            ns.ip("-6", "neigh", "replace", "2001:db8:1::10", "lladdr", "02:00:00:00:00:01", "dev", "up0", "nud",
                    "stale");
            InetAddress node = InetAddress.getByName("2001:db8:1::10");
            ns.inside(() -> {
                ops.addProxyNeighbour(ops.interfaceIndex("up0"), node);
                return null;
            });
            assertThat(ns.ip("-6", "neigh", "show", "dev", "up0")).contains("2001:db8:1::10 lladdr 02:00:00:00:00:01");

            ns.inside(() -> {
                ops.removeNeighbour(ops.interfaceIndex("up0"), node);
                ops.removeNeighbour(ops.interfaceIndex("up0"), node);
                return null;
            });
            assertThat(ns.ip("-6", "neigh", "show", "dev", "up0")).doesNotContain("02:00:00:00:00:01");
            assertThat(ns.ip("-6", "neigh", "show", "proxy")).contains("2001:db8:1::10 dev up0");
            assertThatThrownBy(() -> ns.inside(() -> {
                ops.removeNeighbour(9999, node);
                return null;
            })).isInstanceOf(PlatformException.class).hasMessageContaining("remove neighbour 2001:db8:1::10");
        }
    }

    @Test
    void givenNoWirelessDevice_whenTheStationIsAsked_thenEmpty_andLinkDetailsSayNothingForAVeth() throws Exception {
        try (LabNamespace ns = withVeth("cfgwlan")) {
            int up0 = ns.inside(() -> ops.interfaceIndex("up0"));

            assertThat(ns.inside(() -> ops.wirelessStation(up0))).isEmpty();
            assertThat(ns.inside(() -> ops.wirelessStation(1))).isEmpty();
            assertThat(ns.inside(() -> ops.linkDetails(up0))).isEqualTo(new LinkDetails("", false));
            assertThatThrownBy(() -> ns.inside(() -> ops.linkDetails(9999)))
                    .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
        }
    }

    @Test
    void givenASysfsWithAWlanDevice_whenRead_thenDevTypeAndWirelessAreReported(@TempDir Path sys) throws Exception {
        Files.createDirectories(sys.resolve("wlan0/phy80211"));
        Files.writeString(sys.resolve("wlan0/uevent"), "INTERFACE=wlan0\nIFINDEX=3\nDEVTYPE=wlan\n");
        Files.createDirectories(sys.resolve("eth0"));
        Files.writeString(sys.resolve("eth0/uevent"), "INTERFACE=eth0\nIFINDEX=2\n");
        LinkDetailsReader reader = new LinkDetailsReader(sys);

        assertThat(reader.read("wlan0")).isEqualTo(new LinkDetails("wlan", true));
        assertThat(reader.read("eth0")).isEqualTo(new LinkDetails("", false));
        assertThat(reader.read("gone0")).isEqualTo(new LinkDetails("", false));
    }

    @Test
    void givenRulesAtAPriority_whenRemovedByPriority_thenOnlyThoseGoWhateverTheirSourceAndTable()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("rules")) {
            ns.ip("-6", "rule", "add", "from", "2001:db8:1::10", "lookup", "1003", "priority", "1000");
            ns.ip("-6", "rule", "add", "from", "2001:db8:1::11", "lookup", "1004", "priority", "1000");
            ns.ip("-6", "rule", "add", "from", "2001:db8:1::12", "lookup", "77", "priority", "900");

            int removed = ns.inside(() -> ops.removeRules(1000));
            int again = ns.inside(() -> ops.removeRules(1000));

            assertThat(removed).isEqualTo(2);
            assertThat(again).isZero();
            String rules = ns.ip("-6", "rule", "show");
            assertThat(rules).contains("900:\tfrom 2001:db8:1::12 lookup 77")
                    .doesNotContain("2001:db8:1::10").doesNotContain("2001:db8:1::11");
        }
    }
}
