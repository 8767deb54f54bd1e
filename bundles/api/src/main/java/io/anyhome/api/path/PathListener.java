package io.anyhome.api.path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told at once when a {@link Path} changes state, so that traffic leaves a path that went down
 * without waiting for the next policy evaluation. A fast signal: registered as a service
 * (whiteboard) by ifs and called by mobility on the thread that saw the change; must be quick and
 * must not throw.
 */
@ConsumerType
public interface PathListener {
    /**
     * @param path the path
     * @param previous its previous state
     * @param current its new state
     * @param atMillis when the change was seen, epoch milliseconds
     */
    void pathStateChanged(Path path, PathState previous, PathState current, long atMillis);
}
