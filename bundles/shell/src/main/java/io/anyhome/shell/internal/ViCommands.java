package io.anyhome.shell.internal;

import io.anyhome.api.vi.VirtualInterface;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo command {@code vi:show}: the virtual interface's name, home address, MTU, whether its
 * read loop runs, its counters and drops by reason, and its last failure.
 */
@Component(service = ViCommands.class,
        property = {"osgi.command.scope=vi", "osgi.command.function=show"})
public class ViCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VirtualInterface vi;

    @Descriptor("show the virtual interface (home0): home address, MTU, counters, drops by reason")
    public Object show(
            @Descriptor("print JSON instead of a table") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json) {
        VirtualInterface current = vi;
        if (current == null) {
            throw new IllegalStateException("no virtual interface runs on this node"
                    + " (a mobile node or router with homeAddress in etc/io.anyhome.node.cfg has one)");
        }
        return json ? DtoFormatter.json(current.describe()) : current.describe();
    }
}
