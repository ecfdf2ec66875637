package dev.newsflow.syndicate.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used map bounded by the summed weight (approximate bytes) of its values rather
 * than by count: cached feed documents range from a few KB to ~1 MB, so a count says little about
 * the heap they hold. A value heavier than the whole budget is not kept. Thread-safe.
 */
public final class WeightBoundedLru<K, V> {
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    public WeightBoundedLru(long maxWeight, ToLongFunction<V> weigher) {
        if (maxWeight < 0) {
            throw new IllegalArgumentException("maxWeight must not be negative: " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        long added = weigher.applyAsLong(value);
        V previous = entries.remove(key);
        if (previous != null) {
            weight -= weigher.applyAsLong(previous);
        }
        if (added > maxWeight) {
            return;
        }
        entries.put(key, value);
        weight += added;
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            V evicted = eldest.next().getValue();
            eldest.remove();
            weight -= weigher.applyAsLong(evicted);
        }
    }

    public synchronized long weight() {
        return weight;
    }

    public synchronized int size() {
        return entries.size();
    }
}
