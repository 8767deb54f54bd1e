/**
 * Paths: one {@link io.anyhome.api.path.Path} per usable uplink, provided by the mobility bundle
 * (a tunnel from the uplink's care-of address to the home agent, or the direct route on the home
 * link) and used by the Interface Switching module, which tracks paths as services.
 *
 * <p>This is a package of its own, not part of {@code io.anyhome.api.ifs}, because its provider
 * (mobility) differs from the provider of the switch (ifs); see that package's documentation.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.path;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
