/**
 * Network interface cards: technologies, the drivers that claim interfaces, and the registry
 * that owns the merged view of every NIC.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.nic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
