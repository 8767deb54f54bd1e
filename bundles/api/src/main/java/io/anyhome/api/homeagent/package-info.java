/**
 * The home agent: binding cache entries, statistics and operator deregistration as DTOs and
 * methods. Provided by the homeagent bundle.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.homeagent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
