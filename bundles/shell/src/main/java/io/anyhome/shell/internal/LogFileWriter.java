package io.anyhome.shell.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Appends the framework's log entries (INFO and more severe; the framework's own bundle and
 * service events only from WARN) to the file named by the framework
 * property {@value #LOG_FILE_PROPERTY}, set by the launcher to {@code <state>/log/anyhome.log}.
 * One line per entry: time, level, bundle, message; a stack trace follows when there is one.
 *
 * <p>The plain classes under the components (read loops, state machines) log through
 * {@code java.util.logging} so that they need no OSGi; their {@code io.anyhome} loggers are
 * written to the same file, at INFO and above, with the logger name in place of the bundle.
 */
@Component(immediate = true, service = {})
public class LogFileWriter implements LogListener {
    /** Framework property naming the log file. */
    public static final String LOG_FILE_PROPERTY = "anyhome.log.file";

    /** The root of the java.util.logging loggers of the plain classes. */
    static final String PLAIN_LOGGERS = "io.anyhome";

    private final LogReaderService reader;
    private final java.util.logging.Logger plain = java.util.logging.Logger.getLogger(PLAIN_LOGGERS);
    private final java.util.logging.Handler plainHandler = new PlainHandler();
    private BufferedWriter writer;

    @Activate
    public LogFileWriter(BundleContext context, @Reference LogReaderService reader) throws IOException {
        this.reader = reader;
        String file = context.getProperty(LOG_FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        Files.createDirectories(path.toAbsolutePath().getParent());
        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        reader.addLogListener(this);
        plain.setLevel(java.util.logging.Level.INFO);
        plain.addHandler(plainHandler);
        plain.setUseParentHandlers(false);
    }

    @Override
    public void logged(LogEntry entry) {
        if (threshold(entry).implies(entry.getLogLevel())) {
            write(line(entry.getTime(), entry.getLogLevel().name(),
                    entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName(), entry.getMessage(),
                    entry.getException()));
        }
    }

    private synchronized void write(String line) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.flush();
        } catch (IOException e) {
            // the log is the place to report this, and it is failing: stop writing instead of looping
            writer = null;
        }
    }

    /** Writes the plain classes' java.util.logging records. */
    private final class PlainHandler extends java.util.logging.Handler {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            if (isLoggable(r)) {
                String message = r.getMessage();
                if (r.getParameters() != null && r.getParameters().length > 0 && message != null) {
                    message = java.text.MessageFormat.format(message, r.getParameters());
                }
                write(line(r.getMillis(), level(r.getLevel()), r.getLoggerName(), message, r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** @return the OSGi level name of a java.util.logging level */
    static String level(java.util.logging.Level level) {
        int v = level.intValue();
        return v >= java.util.logging.Level.SEVERE.intValue() ? "ERROR"
                : v >= java.util.logging.Level.WARNING.intValue() ? "WARN"
                : v >= java.util.logging.Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    /** The framework's own bundle and service events (loggers "Events.*") only when something is wrong. */
    static LogLevel threshold(LogEntry entry) {
        String logger = entry.getLoggerName();
        return logger != null && logger.startsWith("Events.") ? LogLevel.WARN : LogLevel.INFO;
    }

    static String line(long time, String level, String source, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(time)).append(' ')
                .append(level).append(' ')
                .append(source).append(": ")
                .append(message).append('\n');
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        reader.removeLogListener(this);
        plain.removeHandler(plainHandler);
        plain.setUseParentHandlers(true);
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
