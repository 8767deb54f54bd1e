/**
 * The operating system as the rest of anyhome sees it: TUN devices, the rtnetlink view of links,
 * addresses, routes and neighbours, their configuration, per-interface IPv6 settings, interface
 * counters, wireless station information, and UDP / raw IPv6 / ICMPv6 endpoints.
 *
 * <p>{@link io.anyhome.api.platform.Platform} is provided by {@code platform-linux} (native, through
 * jnr-ffi) or {@code platform-sim} (an in-process emulator); nothing else in anyhome touches the
 * kernel, so the same code runs on both.
 */
@Export
@Version("0.1.0")
package io.anyhome.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
