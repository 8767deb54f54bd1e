package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/**
 * One DS component in {@link NodeCheckDTO}: its state in words, whether this role needs it
 * running, and for an unsatisfied one what is missing (references, configuration, the failure).
 */
public class ComponentCheckDTO extends DTO {
    public String name;
    public String bundle;
    public String state;
    public boolean ok;
    public String detail;
}
