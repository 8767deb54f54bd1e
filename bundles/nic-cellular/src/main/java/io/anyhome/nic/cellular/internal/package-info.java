/**
 * The cellular NIC driver: {@link io.anyhome.nic.cellular.internal.CellularDriver} decides and
 * reports (plain Java), {@link io.anyhome.nic.cellular.internal.CellularDriverComponent} is its DS
 * adapter with a factory configuration per instance,
 * {@link io.anyhome.nic.cellular.internal.ModemManagerWatcher} polls ModemManager over D-Bus
 * (through {@link io.anyhome.nic.cellular.internal.ModemManagerBus}, the only user of the embedded
 * dbus-java) and {@link io.anyhome.nic.cellular.internal.ModemManagerMapping} turns its objects
 * into {@link io.anyhome.nic.cellular.internal.ModemFacts}. Nothing here is exported.
 */
package io.anyhome.nic.cellular.internal;
