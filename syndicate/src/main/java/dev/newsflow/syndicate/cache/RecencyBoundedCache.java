package dev.newsflow.syndicate.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A cache bounded by the summed weight of its values that evicts the least recently used first and admits every
 * value: for what a feed page re-reads after each new story (its articles decoded, its items' texts and bytes), where
 * the newest entries are the ones the next reads want. {@link WeightBoundedCache}'s frequency-based admission
 * (Caffeine's W-TinyLFU) turns new entries away while older ones have been read more often, which is always the case
 * on a page that slides: re-reading a page of 100 after every 25 new stories from a cache of three pages, it served
 * from 4 % to 67 % of the reads in repeated runs of the same sequence, as its admission window happened to adapt,
 * where recency serves every story but the new ones (75 %; {@code RecencyBoundedCacheTest}); in the load test one
 * demo of six of the same build read its feed pages at twice the CPU and allocation of the others (BENCHMARKS.md,
 * issue 20).
 * One lock: these caches are read when a page is read anew, after a change, not on every request.
 */
public final class RecencyBoundedCache<K, V> {
    private record Weighted<V>(V value, long weight) {
    }

    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, Weighted<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    public RecencyBoundedCache(long maxWeight, ToLongFunction<V> weigher) {
        if (maxWeight < 0) {
            throw new IllegalArgumentException("maxWeight must not be negative: " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher");
    }

    public synchronized V get(K key) {
        Weighted<V> held = entries.get(key);
        return held == null ? null : held.value();
    }

    /** Holds the value as the most recently used, evicting the least recently used beyond the budget. */
    public synchronized void put(K key, V value) {
        long valueWeight = weigher.applyAsLong(value);
        Weighted<V> replaced = entries.remove(key);
        if (replaced != null) {
            weight -= replaced.weight();
        }
        if (valueWeight > maxWeight) {
            return;
        }
        entries.put(key, new Weighted<>(value, valueWeight));
        weight += valueWeight;
        Iterator<Weighted<V>> oldestFirst = entries.values().iterator();
        while (weight > maxWeight) {
            weight -= oldestFirst.next().weight();
            oldestFirst.remove();
        }
    }

    /** The summed weight of what is held now. */
    public synchronized long weight() {
        return weight;
    }

    public synchronized int size() {
        return entries.size();
    }
}
