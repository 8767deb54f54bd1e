package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ifs: and ra: commands as Gogo parses them, with the exit status {@code anyhome ctl} reports. */
class IfsCommandLineTest {
    private final FakeInterfaceSwitch ifs = new FakeInterfaceSwitch();
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final CommandProcessorImpl processor;

    IfsCommandLineTest() {
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(FakeInterfaceSwitch.NOW), ZoneOffset.UTC);
        IfsCommands commands = new IfsCommands(ifs, clock);
        for (String function : new String[] {"status", "policies", "policy", "flows", "pin", "forbid", "clear", "handovers"}) {
            processor.addCommand("ifs", commands, function);
        }
        processor.addCommand("ra", new RaCommands(ifs, clock), "list");
    }

    @AfterEach
    void stop() {
        threadIo.stop();
    }

    private String run(String line, int expectedStatus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new CommandLineRunner(processor).run(line, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isEqualTo(expectedStatus);
        return text;
    }

    @Test
    void givenACombinedFlow_whenPinnedFromTheCommandLine_thenTheSwitchHasTheRule() {
        assertThat(run("ifs:pin tcp:443+dscp:10 wlan0", CommandLineRunner.OK))
                .isEqualTo("pinned tcp:443+dscp:10 to wlan0\n");
        run("ifs:pin --json all eth0", CommandLineRunner.OK);

        assertThat(ifs.pins).containsEntry("tcp:443+dscp:10", "wlan0").containsEntry("all", "eth0");
    }

    @Test
    void givenBadSyntaxOrAnUnknownUplink_whenPinned_thenUsageIsTwo_andAFailedCommandIsOne() {
        assertThat(run("ifs:pin udp:9-1 eth0", CommandLineRunner.USAGE)).contains("'udp:9-1': port range 9-1 ends before it starts");
        assertThat(run("ifs:pin all eth9", CommandLineRunner.FAILED)).isEqualTo("no uplink eth9\n");
        assertThat(run("ifs:policy fastest", CommandLineRunner.FAILED)).isEqualTo("no policy fastest; known: priority, cheapest\n");
        assertThat(ifs.pins).isEmpty();
    }

    @Test
    void givenOptions_whenHandoversAndPolicyRun_thenGogoPassesThem() {
        assertThat(run("ifs:handovers -n 1 --json", CommandLineRunner.OK)).startsWith("[{\"time\":1795687190000");
        assertThat(ifs.lastHandoverLimit).isEqualTo(1);
        run("ifs:handovers", CommandLineRunner.OK);
        assertThat(ifs.lastHandoverLimit).isEqualTo(20);
        assertThat(run("ifs:policy cheapest", CommandLineRunner.OK)).isEqualTo("active policy: cheapest\n");
        assertThat(run("ifs:policy --json", CommandLineRunner.OK)).startsWith("{\"name\":\"cheapest\"");
        assertThat(run("ra:list --json", CommandLineRunner.OK)).startsWith("[{\"interfaceName\":\"eth0\"");
        assertThat(run("ifs:clear", CommandLineRunner.OK)).isEqualTo("pins and forbids cleared\n");
    }
}
