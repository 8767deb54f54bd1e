package io.anyhome.ifs.internal.flow;

import java.util.Arrays;

/**
 * An immutable map from a flow slot (with its incarnation, so that an override never follows a
 * slot to the next flow that takes it) to an uplink index: a decision's per-flow overrides or
 * duplicates, compiled for the data path. Open addressing over two arrays; lookups allocate
 * nothing.
 */
final class SlotMap {
    static final SlotMap EMPTY = new SlotMap(new long[0], new int[0]);
    private static final long FREE = -1L;

    private final long[] keys;
    private final int[] values;

    private SlotMap(long[] keys, int[] values) {
        this.keys = keys;
        this.values = values;
    }

    static long key(int slot, int incarnation) {
        return ((long) slot << 32) | (incarnation & 0xffffffffL);
    }

    /**
     * @param keys keys made by {@link #key}
     * @param values uplink indexes, same length
     * @return the map
     */
    static SlotMap of(long[] keys, int[] values) {
        if (keys.length == 0) {
            return EMPTY;
        }
        int size = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        long[] k = new long[size];
        int[] v = new int[size];
        Arrays.fill(k, FREE);
        for (int i = 0; i < keys.length; i++) {
            int s = index(keys[i], size - 1);
            while (k[s] != FREE && k[s] != keys[i]) {
                s = (s + 1) & (size - 1);
            }
            k[s] = keys[i];
            v[s] = values[i];
        }
        return new SlotMap(k, v);
    }

    /** @return the uplink index for the key, -1 if none */
    int get(long key) {
        if (keys.length == 0) {
            return -1;
        }
        int m = keys.length - 1;
        for (int s = index(key, m); ; s = (s + 1) & m) {
            long k = keys[s];
            if (k == key) {
                return values[s];
            }
            if (k == FREE) {
                return -1;
            }
        }
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
