package io.anyhome.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Serves the node's control socket: the framework property {@value #SOCKET_PROPERTY} (set by the
 * launcher to {@code <state>/run/ctl.sock}) names the Unix domain socket; each connection sends
 * one command line, which runs in a Gogo session, and gets its output and a last line
 * {@code %exit N}. Without the property the node has no control socket and says so in the log.
 */
@Component(immediate = true, service = CtlSocketServer.class)
public class CtlSocketServer {
    /** Framework property naming the socket file. */
    public static final String SOCKET_PROPERTY = "anyhome.ctl.socket";

    private final CommandProcessor processor;
    private final Logger logger;
    private ControlSocket socket;

    @Activate
    public CtlSocketServer(BundleContext context, @Reference CommandProcessor processor,
            @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        this.processor = processor;
        this.logger = logger;
        String path = context.getProperty(SOCKET_PROPERTY);
        if (path == null || path.isBlank()) {
            logger.warn("no control socket: framework property {} is not set", SOCKET_PROPERTY);
            return;
        }
        CommandLineRunner runner = new CommandLineRunner(processor);
        socket = new ControlSocket(Path.of(path), runner::run, logger::warn);
        socket.open();
        logger.info("control socket listening on {}", path);
    }

    @Deactivate
    void deactivate() {
        if (socket != null) {
            socket.close();
            logger.info("control socket {} closed", socket.path());
        }
    }
}
