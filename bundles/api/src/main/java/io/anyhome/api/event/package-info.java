/**
 * EventAdmin topics ({@code io/anyhome/<area>/<EVENT>}) and event property names posted by anyhome
 * for observers: the shell, logs and tests. The payload is carried only in event properties, as
 * strings, numbers and booleans. Switching never depends on these events; it uses the direct
 * listener interfaces of the other API packages.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
