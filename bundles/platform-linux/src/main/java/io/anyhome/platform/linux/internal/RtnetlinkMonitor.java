package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.Rtnetlink.*;

import io.anyhome.api.Registration;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RouteEvent;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * Delivers the kernel's links, addresses, routes and neighbours to one {@link NetworkListener}:
 * an initial dump (links; IPv6 then IPv4 addresses, routes and neighbours; IPv6 proxy entries),
 * {@link NetworkListener#initialDumpComplete()}, then the events of the rtnetlink multicast groups
 * (link, IPv4/IPv6 addresses and routes, neighbours), each stamped with the time it was read.
 *
 * <p>One reader thread per monitor, blocked in {@code poll} on the event socket and a
 * {@link CloseSignal} that {@link #close()} raises; no timer is involved, so a carrier loss
 * reaches the listener as soon as the kernel sends it. If the kernel's buffer overflows ({@code ENOBUFS}) the monitor logs
 * a warning, calls {@link NetworkListener#resynchronising()} and dumps again. Malformed messages
 * are counted and logged, listener exceptions are logged; neither stops the loop.
 *
 * <p>The sockets are opened by {@link #start} in the calling thread's network namespace. Used by
 * {@link RtnetlinkPlatformOps#monitor(NetworkListener)}.
 */
final class RtnetlinkMonitor implements Registration {
    private static final System.Logger LOG = System.getLogger(RtnetlinkMonitor.class.getName());
    private static final int EVENT_GROUPS = groupMask(RTNLGRP_LINK, RTNLGRP_NEIGH, RTNLGRP_IPV4_IFADDR,
            RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV6_ROUTE);
    /** Default kernel buffer for events: room for a burst such as an interface with many routes going away. */
    static final int DEFAULT_RECEIVE_BUFFER = 4 * 1024 * 1024;
    private static final int LOGGED_DROPS = 10;

    private final NetworkListener listener;
    private final NetlinkSocket events;
    private final NetlinkSocket dumps;
    private final CloseSignal closing;
    private final Pointer eventPoll;
    private final Thread reader;
    private volatile boolean closed;
    private boolean resourcesClosed;
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();

    private RtnetlinkMonitor(NetworkListener listener, NetlinkSocket events, NetlinkSocket dumps, CloseSignal closing) {
        this.listener = listener;
        this.events = events;
        this.dumps = dumps;
        this.closing = closing;
        this.eventPoll = closing.pollSet(events.fd(), Native.POLLIN);
        this.reader = new Thread(this::run, "anyhome-rtnetlink-monitor");
        this.reader.setDaemon(true);
    }

    /**
     * Opens the sockets (in the calling thread's namespace) and starts the reader thread.
     *
     * @param listener the listener
     * @param receiveBuffer the event socket's kernel buffer in bytes
     * @return the running monitor; close it to stop
     * @throws PlatformException if the sockets cannot be opened
     */
    static RtnetlinkMonitor start(NetworkListener listener, int receiveBuffer) throws PlatformException {
        NetlinkSocket events = null;
        NetlinkSocket dumps = null;
        try {
            events = NetlinkSocket.open(Native.NETLINK_ROUTE, EVENT_GROUPS, receiveBuffer);
            dumps = NetlinkSocket.open(Native.NETLINK_ROUTE, 0, 0);
            RtnetlinkMonitor m = new RtnetlinkMonitor(listener, events, dumps, CloseSignal.open(Native.get()));
            m.reader.start();
            return m;
        } catch (ErrnoException e) {
            if (events != null) {
                events.close();
            }
            if (dumps != null) {
                dumps.close();
            }
            throw e.toPlatformException("start the rtnetlink monitor");
        }
    }

    private void run() {
        try {
            dumpAll();
            while (!closed) {
                boolean readable = closing.await(eventPoll, -1);
                if (closed) {
                    break;
                }
                if (!readable) {
                    continue;
                }
                ByteBuffer datagram;
                try {
                    datagram = events.receive();
                } catch (ErrnoException e) {
                    if (e.errno() != Native.ENOBUFS) {
                        throw e;
                    }
                    overruns.incrementAndGet();
                    LOG.log(Level.WARNING, "rtnetlink events were lost (the socket buffer overflowed); dumping again");
                    if (!closed) {
                        try {
                            listener.resynchronising();
                        } catch (RuntimeException failure) {
                            listenerFailed(failure);
                        }
                    }
                    dumpAll();
                    continue;
                }
                deliver(datagram, System.currentTimeMillis());
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.ERROR, "rtnetlink monitor stopped: " + e.getMessage(), e);
            }
        } finally {
            closeResources();
        }
    }

    private void dumpAll() throws IOException {
        List<NetlinkMessageBuilder> requests = List.of(RtnetlinkRequests.dumpLinks(),
                RtnetlinkRequests.dumpAddresses(AF_INET6), RtnetlinkRequests.dumpAddresses(AF_INET),
                RtnetlinkRequests.dumpRoutes(AF_INET6), RtnetlinkRequests.dumpRoutes(AF_INET),
                RtnetlinkRequests.dumpNeighbours(AF_INET6, false), RtnetlinkRequests.dumpNeighbours(AF_INET, false),
                RtnetlinkRequests.dumpNeighbours(AF_INET6, true));
        for (NetlinkMessageBuilder request : requests) {
            List<NetlinkMessage> replies;
            try {
                replies = dumps.dump("rtnetlink dump", request);
            } catch (ErrnoException e) {
                // e.g. a family compiled out of the kernel: the other dumps still count
                LOG.log(Level.WARNING, "rtnetlink monitor: " + e.getMessage());
                continue;
            }
            long now = System.currentTimeMillis();
            for (NetlinkMessage m : replies) {
                deliver(m, now);
            }
        }
        if (!closed) {
            try {
                listener.initialDumpComplete();
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
    }

    private void deliver(ByteBuffer datagram, long observedAt) {
        List<NetlinkMessage> messages;
        try {
            messages = NetlinkMessage.split(datagram);
        } catch (NetlinkMalformedException e) {
            dropped(e);
            return;
        }
        for (NetlinkMessage m : messages) {
            deliver(m, observedAt);
        }
    }

    private void deliver(NetlinkMessage message, long observedAt) {
        Object event;
        try {
            event = RtnetlinkDecoder.decode(message, observedAt);
        } catch (NetlinkMalformedException e) {
            dropped(e);
            return;
        }
        if (event == null || closed) {
            return;
        }
        try {
            if (event instanceof LinkEvent e) {
                listener.link(e);
            } else if (event instanceof AddressEvent e) {
                listener.address(e);
            } else if (event instanceof RouteEvent e) {
                listener.route(e);
            } else if (event instanceof NeighbourEvent e) {
                listener.neighbour(e);
            }
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void listenerFailed(RuntimeException e) {
        listenerFailures.incrementAndGet();
        LOG.log(Level.WARNING, "network listener " + listener.getClass().getName() + " threw; monitoring goes on", e);
    }

    private void dropped(NetlinkMalformedException e) {
        long n = malformed.incrementAndGet();
        if (n <= LOGGED_DROPS || n % 1000 == 0) {
            LOG.log(Level.WARNING, "dropped malformed rtnetlink message (" + n + " so far): " + e.getMessage()
                    + "\n" + e.hexDump());
        }
    }

    /** @return messages dropped because they did not parse */
    long malformedDrops() {
        return malformed.get();
    }

    /** @return how often the kernel's buffer overflowed and the monitor dumped again */
    long overruns() {
        return overruns.get();
    }

    /** @return true while the reader thread runs */
    boolean isRunning() {
        return reader.isAlive();
    }

    /** @return how often the listener threw */
    long listenerFailures() {
        return listenerFailures.get();
    }

    private synchronized void closeResources() {
        if (!resourcesClosed) {
            resourcesClosed = true;
            events.close();
            dumps.close();
            closing.close();
        }
    }

    /**
     * Stops the reader; no callback starts after this returns (unless called from a callback,
     * which then finishes first). Closing twice is harmless.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (!resourcesClosed) {
                try {
                    closing.raise();
                } catch (ErrnoException e) {
                    LOG.log(Level.WARNING, "could not wake the rtnetlink monitor: " + e.getMessage());
                }
            }
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
