/**
 * The in-process network emulator: an implementation of {@link io.anyhome.api.platform.Platform}
 * for every node of an emulated network, so that the code above the platform (vi, ifs, NIC
 * drivers, mobility, the home agent) runs in unit tests and in the demo without a kernel,
 * privileges or real interfaces.
 *
 * <p>A test builds a {@link io.anyhome.platform.sim.SimNetwork} (one {@link io.anyhome.platform.sim.SimClock},
 * one seeded random source), adds {@link io.anyhome.platform.sim.SimLink links} with rate, delay
 * and loss, {@link io.anyhome.platform.sim.SimRouter routers} that send Router Advertisements,
 * and {@link io.anyhome.platform.sim.SimPlatform nodes} whose {@link io.anyhome.platform.sim.SimInterface
 * interfaces} attach to the links; it hands a node to the code under test as its {@code Platform}
 * and moves time forward with {@link io.anyhome.platform.sim.SimClock#advance(java.time.Duration)}.
 * Everything that takes time (serialisation, propagation, RA intervals, DAD, lifetimes) runs off
 * that clock, so tests are deterministic and never sleep.
 *
 * <p>Threading: the whole network is guarded by one monitor, the clock. Timers, packet deliveries
 * and {@link io.anyhome.api.platform.NetworkListener} callbacks run on the thread that advances
 * the clock or calls the platform, while holding that monitor; a callback may call the platform
 * again (the monitor is reentrant) but must not wait for another thread that uses the network.
 */
@Export
@Version("0.1.0")
package io.anyhome.platform.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
