/**
 * Interface Switching: the pluggable {@link io.anyhome.api.ifs.InterfaceSelectionPolicy} contract
 * (an immutable {@link io.anyhome.api.ifs.SelectionContext} in, an immutable
 * {@link io.anyhome.api.ifs.Decision} out), the {@link io.anyhome.api.ifs.InterfaceSwitch} the
 * virtual interface asks for a path per packet, the fast-signal listeners, and the DTOs the shell
 * shows.
 *
 * <p>{@link io.anyhome.api.path.Path} is deliberately not in this package: paths are provided by
 * the mobility bundle while this package is provided by the ifs bundle, and keeping the two in
 * separate packages lets each provider import only the package it implements with a tight
 * version range, so a change to one does not force a release of the other.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.ifs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
