/**
 * The DS component that registers the emulator as the node's {@code Platform} when
 * {@code etc/io.anyhome.node.cfg} says {@code platform=sim}, with the small topology that
 * {@code etc/io.anyhome.platform.sim.cfg} describes. Not exported.
 */
package io.anyhome.platform.sim.internal;
