package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One bundle in {@link NodeCheckDTO}: its state in words and whether that state is as it should be. */
public class BundleCheckDTO extends DTO {
    public long id;
    public String symbolicName;
    public String version;
    public String state;
    public boolean ok;
}
