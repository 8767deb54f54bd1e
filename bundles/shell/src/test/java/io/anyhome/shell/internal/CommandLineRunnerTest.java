package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

class CommandLineRunnerTest {
    /** A processor whose sessions answer every line with {@code behaviour}. */
    interface Behaviour {
        Object execute(String line, PrintStream out) throws Exception;
    }

    static CommandProcessor processor(Behaviour behaviour) {
        return new CommandProcessor() {
            @Override
            public CommandSession createSession(InputStream in, OutputStream out, OutputStream err) {
                PrintStream print = (PrintStream) out;
                return (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {CommandSession.class}, (proxy, method, args) -> {
                            switch (method.getName()) {
                                case "execute":
                                    return behaviour.execute(args[0].toString(), print);
                                case "format":
                                    return "formatted " + args[0];
                                default:
                                    return null;
                            }
                        });
            }

            @Override
            public CommandSession createSession(CommandSession parent) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static String run(Behaviour behaviour, int expectedStatus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new CommandLineRunner(processor(behaviour)).run("cmd", out);
        assertThat(status).isEqualTo(expectedStatus);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenACommandThatPrintsAndReturns_thenBothAreWritten_andItSucceeds() {
        String out = run((line, print) -> {
            print.println("printed");
            return 42;
        }, CommandLineRunner.OK);

        assertThat(out).isEqualTo("printed\nformatted 42\n");
    }

    @Test
    void givenACommandThatFails_thenItsMessageIsPrinted_andTheStatusIsOne() {
        String out = run((line, print) -> {
            throw new IllegalStateException("uplink wlan0 is down");
        }, CommandLineRunner.FAILED);

        assertThat(out).isEqualTo("uplink wlan0 is down\n");
    }

    @Test
    void givenAUsageError_thenTheStatusIsTwo() {
        String out = run((line, print) -> {
            throw new IllegalArgumentException("Command not found: nosuchcommand");
        }, CommandLineRunner.USAGE);

        assertThat(out).contains("Command not found: nosuchcommand");
    }

    @Test
    void givenAFailureWithoutMessage_thenItsTypeIsPrinted() {
        String out = run((line, print) -> {
            throw new NullPointerException();
        }, CommandLineRunner.FAILED);

        assertThat(out).contains("NullPointerException");
    }
}
