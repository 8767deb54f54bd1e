/**
 * The cellular NIC driver: {@link io.anyhome.nic.cellular.internal.CellularDriver} decides and
 * reports (plain Java), {@link io.anyhome.nic.cellular.internal.CellularDriverComponent} is its DS
 * adapter with a factory configuration per instance. Nothing here is exported.
 */
package io.anyhome.nic.cellular.internal;
