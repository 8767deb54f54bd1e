/**
 * The virtual interface {@code home0}: the one interface applications and the kernel's TCP/IP
 * stack see, holding the home address. Provided by the vi bundle.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.vi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
