/**
 * Values shared by every part of the anyhome contract: the checked {@link io.anyhome.api.AnyhomeException}
 * with its code, address prefixes and their RFC 5952 text form, node roles, configuration PIDs and
 * Gogo command scopes.
 */
@Export
@Version("0.1.0")
package io.anyhome.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
