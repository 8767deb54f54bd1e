package io.anyhome.homeagent.internal;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The binding cache: bindings keyed by (home address, Binding Identifier), the identifier 0 for
 * the single binding a node has without RFC 5648.
 *
 * <p>Concurrency: writers (Binding Update processing, the expiry sweep, operator deregistration)
 * take this object's lock; readers on the data path take none and allocate nothing: a hash table
 * of immutable chain nodes, published through an {@link AtomicReferenceArray} and a volatile
 * table reference. A writer never changes a node a reader may be walking; it replaces the chain
 * prefix up to the node it changes. The table doubles when it is three quarters full, so 100 000
 * bindings cost a table of 2^18 slots plus one node and one {@link Binding} each.
 *
 * <p>Home addresses are held as two longs (network order), so a lookup straight from a packet's
 * address field ({@link #find(ByteBuffer, int)}) compares numbers.
 */
public final class BindingCache {
    private static final int INITIAL_CAPACITY = 1024;

    /** A chain node: one binding, its key as numbers, the next node. */
    private record Node(long hi, long lo, int bid, Binding binding, Node next) {
    }

    private volatile AtomicReferenceArray<Node> table = new AtomicReferenceArray<>(INITIAL_CAPACITY);
    private volatile int size;

    /**
     * Data path lookup of the binding (Binding Identifier 0) for the address at {@code at}.
     *
     * @param buffer a packet
     * @param at absolute index of a 16-byte address field (an inner source or destination)
     * @return the binding, or null; allocates nothing
     */
    public Binding find(ByteBuffer buffer, int at) {
        return find(buffer.getLong(at), buffer.getLong(at + 8));
    }

    /**
     * @param hi the address's first 8 bytes, big-endian
     * @param lo the address's last 8 bytes, big-endian
     * @return the binding with Binding Identifier 0, or null
     */
    public Binding find(long hi, long lo) {
        AtomicReferenceArray<Node> t = table;
        for (Node n = t.get(slot(hi, lo, 0, t.length())); n != null; n = n.next) {
            if (n.hi == hi && n.lo == lo && n.bid == 0) {
                return n.binding;
            }
        }
        return null;
    }

    /**
     * @param homeAddress a home address
     * @return its binding (identifier 0), or null
     */
    public Binding find(Inet6Address homeAddress) {
        byte[] b = homeAddress.getAddress();
        ByteBuffer bb = ByteBuffer.wrap(b);
        return find(bb.getLong(0), bb.getLong(8));
    }

    /**
     * Adds or replaces the binding with the same (home address, Binding Identifier).
     *
     * @param binding the binding
     * @return the binding it replaced, or null
     */
    public synchronized Binding put(Binding binding) {
        ByteBuffer bb = ByteBuffer.wrap(binding.homeAddress().getAddress());
        long hi = bb.getLong(0);
        long lo = bb.getLong(8);
        int bid = binding.bindingId();
        AtomicReferenceArray<Node> t = table;
        int s = slot(hi, lo, bid, t.length());
        Node head = t.get(s);
        for (Node n = head; n != null; n = n.next) {
            if (n.hi == hi && n.lo == lo && n.bid == bid) {
                // one write swaps old for new: a reader sees either, never neither
                t.set(s, replacing(head, n, new Node(hi, lo, bid, binding, n.next)));
                return n.binding;
            }
        }
        if ((size + 1) * 4L > t.length() * 3L) {
            t = grow(t);
            s = slot(hi, lo, bid, t.length());
        }
        t.set(s, new Node(hi, lo, bid, binding, t.get(s)));
        size++;
        return null;
    }

    /** A copy of the chain prefix before {@code old}, ending in {@code replacement}. */
    private static Node replacing(Node n, Node old, Node replacement) {
        if (n == old) {
            return replacement;
        }
        return new Node(n.hi, n.lo, n.bid, n.binding, replacing(n.next, old, replacement));
    }

    /**
     * @param homeAddress the home address
     * @param bindingId the Binding Identifier, 0 for none
     * @return the removed binding, or null if there was none
     */
    public synchronized Binding remove(Inet6Address homeAddress, int bindingId) {
        ByteBuffer bb = ByteBuffer.wrap(homeAddress.getAddress());
        return remove(bb.getLong(0), bb.getLong(8), bindingId);
    }

    /**
     * Removes a binding only if it is still the given one (the expiry sweep uses it, so a refresh
     * that came in meanwhile survives).
     *
     * @param binding the binding
     * @return true if it was removed
     */
    public synchronized boolean removeExactly(Binding binding) {
        ByteBuffer bb = ByteBuffer.wrap(binding.homeAddress().getAddress());
        long hi = bb.getLong(0);
        long lo = bb.getLong(8);
        AtomicReferenceArray<Node> t = table;
        for (Node n = t.get(slot(hi, lo, binding.bindingId(), t.length())); n != null; n = n.next) {
            if (n.binding == binding) {
                remove(hi, lo, binding.bindingId());
                return true;
            }
        }
        return false;
    }

    private Binding remove(long hi, long lo, int bid) {
        AtomicReferenceArray<Node> t = table;
        int s = slot(hi, lo, bid, t.length());
        Node head = t.get(s);
        Node found = null;
        for (Node n = head; n != null; n = n.next) {
            if (n.hi == hi && n.lo == lo && n.bid == bid) {
                found = n;
                break;
            }
        }
        if (found == null) {
            return null;
        }
        t.set(s, without(head, found));
        size--;
        return found.binding;
    }

    /** A copy of the chain prefix before {@code gone}, joined to the rest after it. */
    private static Node without(Node n, Node gone) {
        if (n == gone) {
            return n.next;
        }
        return new Node(n.hi, n.lo, n.bid, n.binding, without(n.next, gone));
    }

    private AtomicReferenceArray<Node> grow(AtomicReferenceArray<Node> old) {
        AtomicReferenceArray<Node> t = new AtomicReferenceArray<>(old.length() * 2);
        for (int i = 0; i < old.length(); i++) {
            for (Node n = old.get(i); n != null; n = n.next) {
                int s = slot(n.hi, n.lo, n.bid, t.length());
                t.set(s, new Node(n.hi, n.lo, n.bid, n.binding, t.get(s)));
            }
        }
        table = t;
        return t;
    }

    private static int slot(long hi, long lo, int bid, int length) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL ^ bid;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h & (length - 1);
    }

    /** @return the number of bindings */
    public int size() {
        return size;
    }

    /** @return every binding, a snapshot in no particular order */
    public List<Binding> snapshot() {
        AtomicReferenceArray<Node> t = table;
        List<Binding> all = new ArrayList<>(size);
        for (int i = 0; i < t.length(); i++) {
            for (Node n = t.get(i); n != null; n = n.next) {
                all.add(n.binding);
            }
        }
        return all;
    }

    /**
     * Removes the bindings whose lifetime is over.
     *
     * @param now the time, epoch milliseconds
     * @return the removed bindings
     */
    public synchronized List<Binding> expire(long now) {
        List<Binding> gone = new ArrayList<>();
        for (Binding b : snapshot()) {
            if (b.expiresAt() <= now) {
                removeExactly(b);
                gone.add(b);
            }
        }
        return gone;
    }
}
