/**
 * The WLAN NIC driver: {@link io.anyhome.nic.wlan.internal.WlanDriver} decides and reports (plain
 * Java), {@link io.anyhome.nic.wlan.internal.WlanDriverComponent} is its DS adapter with a factory
 * configuration per instance. Nothing here is exported.
 */
package io.anyhome.nic.wlan.internal;
