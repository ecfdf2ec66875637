package dev.newsflow.enrich.annotate;

import java.util.function.BinaryOperator;

/**
 * A map from 64-bit name keys ({@link SurfaceKey}) to values, by open addressing: the coreference of every
 * article fills several such maps with a few dozen keys each, and a {@code HashMap<Long, V>} boxed every key
 * and made a node per entry (issue 17's speed). Only what the coreference needs; no iteration, no removal.
 */
final class LongKeyMap<V> {
    private long[] keys = new long[32];
    private Object[] values = new Object[32];
    private int size;
    /** The key 0 marks an empty slot, so its value (if any) lives here. */
    private Object zeroValue;

    V get(long key) {
        if (key == 0) {
            return cast(zeroValue);
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return cast(values[i]);
            }
        }
        return null;
    }

    /** As {@link java.util.Map#put}: the previous value, or null. */
    V put(long key, V value) {
        if (key == 0) {
            V previous = cast(zeroValue);
            zeroValue = value;
            return previous;
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                V previous = cast(values[i]);
                values[i] = value;
                return previous;
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /** As {@link java.util.Map#putIfAbsent} (values are never null): the present value, or null when put. */
    V putIfAbsent(long key, V value) {
        V present = get(key);
        if (present == null) {
            put(key, value);
        }
        return present;
    }

    /** As {@link java.util.Map#merge} with a combiner that never returns null. */
    void merge(long key, V value, BinaryOperator<V> combine) {
        V present = get(key);
        put(key, present == null ? value : combine.apply(present, value));
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], cast(oldValues[i]));
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object value) {
        return (V) value;
    }
}
