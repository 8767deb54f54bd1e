package io.anyhome.ifs.internal.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.RouterDTO;
import io.anyhome.api.platform.Platform;
import io.anyhome.platform.linux.internal.LabNamespace;
import io.anyhome.platform.linux.internal.LinuxPlatforms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on the real Linux platform against radvd: a router namespace advertises on one end of
 * a veth pair, the watch runs in the mobile node's namespace on the other end. Needs root,
 * iproute2 and radvd; skipped without them except when {@code CI=true}.
 */
class RouterAdvertisementWatchLabTest {
    private static final IpPrefix NET_1 = IpPrefix.parse("2001:db8:1::/64");
    private static final IpPrefix NET_2 = IpPrefix.parse("2001:db8:2::/64");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RecordingMovementListener signals = new RecordingMovementListener();
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Test
    void givenRadvdOnThePeer_whenItSwitchesToAnotherPrefix_thenTheWatchSeesRouterPrefixIntervalAndMovement()
            throws Exception {
        requireRadvd();
        try (LabNamespace router = LabNamespace.create("rar");
                LabNamespace mn = LabNamespace.create("ram")) {
            router.ip("link", "add", "r0", "type", "veth", "peer", "name", "m0", "netns", mn.name());
            router.ip("link", "set", "r0", "up");
            mn.ip("link", "set", "m0", "up");
            Platform platform = mn.inside(LinuxPlatforms::create);
            try (RouterAdvertisementWatch watch = new RouterAdvertisementWatch(platform, System::currentTimeMillis,
                    signals, logged::add)) {
                mn.inside(() -> {
                    watch.start();
                    return null;
                });
                Process radvd = startRadvd(router, NET_1, "one");
                try {
                    await().atMost(PATIENCE).until(() -> m0(watch).filter(l -> !l.routers.isEmpty()
                            && l.careOfAddress != null && AccessLinkDTO.COA_USABLE.equals(l.careOfAddressState))
                            .isPresent());
                    AccessLinkDTO link = m0(watch).orElseThrow();
                    RouterDTO r = link.routers.get(0);
                    assertThat(AddressText.parse(r.address).isLinkLocalAddress()).isTrue();
                    assertThat(r.current).isTrue();
                    assertThat(r.lifetimeMs).isEqualTo(9000);
                    assertThat(r.advertisementIntervalMs).as("AdvIntervalOpt: MaxRtrAdvInterval").isEqualTo(1000);
                    assertThat(link.prefixes).extracting(p -> p.prefix).containsExactly("2001:db8:1::/64");
                    assertThat(NET_1.contains(AddressText.parse(link.careOfAddress))).isTrue();
                    assertThat(link.advertisementsDropped).isZero();
                    assertThat(signals.of("movement")).extracting(s -> s.what())
                            .containsExactly("new on-link prefix 2001:db8:1::/64");
                } finally {
                    stop(radvd);
                }

                radvd = startRadvd(router, NET_2, "two");
                try {
                    await().atMost(PATIENCE).until(() -> signals.of("up").stream()
                            .anyMatch(s -> NET_2.contains(AddressText.parse(s.what()))));
                    assertThat(signals.of("movement")).extracting(s -> s.what())
                            .contains("new on-link prefix 2001:db8:2::/64");
                    assertThat(signals.of("down")).anySatisfy(s -> assertThat(NET_1.contains(AddressText.parse(s.what())))
                            .isTrue());
                    AccessLinkDTO link = m0(watch).orElseThrow();
                    assertThat(link.prefixes).extracting(p -> p.prefix).containsExactly("2001:db8:2::/64");
                    assertThat(link.lastMovement).isEqualTo("new on-link prefix 2001:db8:2::/64");
                    assertThat(logged).isEmpty();
                } finally {
                    stop(radvd);
                }
            }
        }
    }

    private static Optional<AccessLinkDTO> m0(RouterAdvertisementWatch watch) {
        return watch.accessLinks().stream().filter(l -> "m0".equals(l.interfaceName)).findFirst();
    }

    private Process startRadvd(LabNamespace ns, IpPrefix prefix, String tag) throws IOException {
        Path conf = dir.resolve("radvd-" + tag + ".conf");
        Files.writeString(conf, """
                interface r0 {
                    AdvSendAdvert on;
                    MinRtrAdvInterval 0.5;
                    MaxRtrAdvInterval 1.0;
                    AdvIntervalOpt on;
                    AdvDefaultLifetime 9;
                    prefix %s {
                    };
                };
                """.formatted(prefix), StandardCharsets.US_ASCII);
        Process p = ns.start("radvd", "-n", "-m", "logfile", "-l", dir.resolve("radvd-" + tag + ".log").toString(),
                "-C", conf.toString(), "-p", dir.resolve("radvd-" + tag + ".pid").toString());
        assertThat(p.isAlive()).as("radvd started").isTrue();
        return p;
    }

    private static void stop(Process radvd) throws InterruptedException {
        radvd.destroy();
        if (!radvd.waitFor(5, TimeUnit.SECONDS)) {
            radvd.destroyForcibly();
            radvd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Skips (outside CI) or fails (CI=true) unless the lab can run and radvd is installed. */
    private static void requireRadvd() {
        LabNamespace.requireLab();
        boolean installed;
        try {
            Process p = new ProcessBuilder("radvd", "--version").redirectErrorStream(true).start();
            // radvd prints its version and exits with 1
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            installed = p.waitFor(10, TimeUnit.SECONDS) && out.contains("Version");
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed = false;
        }
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the Router Advertisement lab test needs radvd (required when CI=true)");
            }
            assumeTrue(false, "the Router Advertisement lab test needs radvd");
        }
    }
}
