package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code nic:list} for people: the interface, its owner, state and the numbers policies use most. */
public class NicRowDTO extends DTO {
    public String name;
    public String technology;
    public String driver;
    public String state;
    public boolean carrier;
    public String cost;
    public boolean metered;
    public String signal;
    /** The claim error or the driver's failure, whichever there is. */
    public String problem;
}
