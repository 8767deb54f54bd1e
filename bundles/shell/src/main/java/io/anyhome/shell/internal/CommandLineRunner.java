package io.anyhome.shell.internal;

import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs one command line in a fresh Gogo session and prints what an interactive session would:
 * the command's own output, then its formatted result, or the failure message. The control
 * socket server uses it; the exit status follows the protocol of {@code anyhome ctl}.
 */
final class CommandLineRunner {
    /** The command succeeded. */
    static final int OK = 0;
    /** The command ran and failed; its message was printed. */
    static final int FAILED = 1;
    /** The command line was wrong: unknown command, bad arguments or options. */
    static final int USAGE = 2;

    private static final String GOGO_SYNTAX_ERROR = "org.apache.felix.gogo.runtime.SyntaxError";

    private final CommandProcessor processor;

    CommandLineRunner(CommandProcessor processor) {
        this.processor = processor;
    }

    /**
     * Executes {@code line} and writes everything it prints to {@code sink}, which stays open.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    int run(String line, OutputStream sink) {
        PrintStream out = new PrintStream(new FilterOutputStream(sink) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        }, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out)) {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            return OK;
        } catch (Exception | LinkageError | StackOverflowError e) {
            out.println(messageOf(e));
            return exitStatusOf(e);
        } finally {
            out.flush();
        }
    }

    /**
     * Usage errors are {@link IllegalArgumentException}s (thrown by our commands, and by Gogo for
     * "Command not found" and arguments it cannot coerce) and Gogo's syntax errors.
     */
    static int exitStatusOf(Throwable failure) {
        if (failure instanceof IllegalArgumentException
                || failure.getClass().getName().equals(GOGO_SYNTAX_ERROR)) {
            return USAGE;
        }
        return FAILED;
    }

    static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
