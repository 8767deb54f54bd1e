/**
 * Mobile IPv6 / NEMO on the mobile node or mobile router: the binding update list, registration
 * per uplink, status and statistics as DTOs. Provided by the mobility bundle.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.mobility;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
