package dev.newsflow.enrich.annotate;

import java.util.Arrays;

/**
 * Every name of every knowledge-base entity, by its {@link SurfaceKey}: the linker's candidates for a
 * mention. An open-addressing table from key to a packed candidate list, built once at start, so a
 * lookup is a few array reads and allocates nothing. Each candidate is {@code entityId << 2 | how},
 * where {@code how} says whether the name is the entity's canonical name, a gazetteer alias, or a name
 * only the linker uses (legislators' English aliases, brand variants, how news links it).
 */
final class LinkIndex {
    static final int CANONICAL = 0;
    static final int ALIAS = 1;
    static final int LINK_ALIAS = 2;
    static final int[] NONE = new int[0];

    private final long[] keys;
    private final int[][] candidates;
    private final int mask;
    private final int size;

    private LinkIndex(long[] keys, int[][] candidates, int size) {
        this.keys = keys;
        this.candidates = candidates;
        this.mask = keys.length - 1;
        this.size = size;
    }

    static int entity(int packed) {
        return packed >>> 2;
    }

    static int how(int packed) {
        return packed & 3;
    }

    /** Candidates for the name with this key (packed), or {@link #NONE}. */
    int[] candidates(long key) {
        int slot = spread(key) & mask;
        while (candidates[slot] != null) {
            if (keys[slot] == key) {
                return candidates[slot];
            }
            slot = (slot + 1) & mask;
        }
        return NONE;
    }

    int size() {
        return size;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Collects (key, candidate) pairs in primitive arrays, then groups them by key: no boxing at start. */
    static final class Builder {
        private long[] keys = new long[1 << 17];
        private int[] values = new int[1 << 17];
        private int n;

        void add(String name, int entityId, int how) {
            if (name.isEmpty()) {
                return;
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            keys[n] = SurfaceKey.of(name);
            values[n] = entityId << 2 | how;
            n++;
        }

        LinkIndex build() {
            // Sort pair indices by key (then by value, so each list is in knowledge-base order).
            int[] index = sortByKey();
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[index[i]] != keys[index[i - 1]]) {
                    distinct++;
                }
            }
            int capacity = Integer.highestOneBit(Math.max(16, distinct * 2 - 1)) << 1;
            long[] tableKeys = new long[capacity];
            int[][] candidates = new int[capacity][];
            int[] list = new int[16];
            int i = 0;
            while (i < n) {
                long key = keys[index[i]];
                int size = 0;
                for (; i < n && keys[index[i]] == key; i++) {
                    int value = values[index[i]];
                    boolean known = false;
                    for (int k = 0; k < size; k++) {
                        if (entity(list[k]) == entity(value)) {
                            list[k] = Math.min(how(list[k]), how(value)) | (list[k] & ~3); // the better name
                            known = true;
                            break;
                        }
                    }
                    if (!known) {
                        if (size == list.length) {
                            list = Arrays.copyOf(list, size * 2);
                        }
                        list[size++] = value;
                    }
                }
                int slot = spread(key) & (capacity - 1);
                while (candidates[slot] != null) {
                    slot = (slot + 1) & (capacity - 1);
                }
                tableKeys[slot] = key;
                candidates[slot] = Arrays.copyOf(list, size);
            }
            return new LinkIndex(tableKeys, candidates, distinct);
        }

        /** Indices 0..n-1 ordered by key, stable (so candidates stay in knowledge-base order). */
        private int[] sortByKey() {
            long[] sortable = Arrays.copyOf(keys, n);
            Arrays.sort(sortable);
            // Each pair goes after the pairs of the same key placed before it: stable, and primitive.
            int[] index = new int[n];
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                int at = Arrays.binarySearch(sortable, keys[i]);
                while (at > 0 && sortable[at - 1] == keys[i]) {
                    at--;
                }
                index[at + next[at]++] = i;
            }
            return index;
        }
    }
}
