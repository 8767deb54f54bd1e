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
 */
@Component(immediate = true, service = {})
public class LogFileWriter implements LogListener {
    /** Framework property naming the log file. */
    public static final String LOG_FILE_PROPERTY = "anyhome.log.file";

    private final LogReaderService reader;
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
    }

    @Override
    public synchronized void logged(LogEntry entry) {
        if (writer == null || !threshold(entry).implies(entry.getLogLevel())) {
            return;
        }
        try {
            writer.write(line(entry));
            writer.flush();
        } catch (IOException e) {
            // the log is the place to report this, and it is failing: stop writing instead of looping
            writer = null;
        }
    }

    /** The framework's own bundle and service events (loggers "Events.*") only when something is wrong. */
    static LogLevel threshold(LogEntry entry) {
        String logger = entry.getLoggerName();
        return logger != null && logger.startsWith("Events.") ? LogLevel.WARN : LogLevel.INFO;
    }

    static String line(LogEntry entry) {
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(entry.getTime())).append(' ')
                .append(entry.getLogLevel()).append(' ')
                .append(entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName()).append(": ")
                .append(entry.getMessage()).append('\n');
        if (entry.getException() != null) {
            StringWriter trace = new StringWriter();
            entry.getException().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        reader.removeLogListener(this);
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
