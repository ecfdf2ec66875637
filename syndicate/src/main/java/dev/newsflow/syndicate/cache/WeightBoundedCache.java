package dev.newsflow.syndicate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A cache bounded by the summed weight (approximate bytes, or articles held) of its values rather than by count:
 * cached feed documents range from a few KB to ~1 MB, so a count says little about the heap they hold. Caffeine
 * does the work (reads take no lock; its W-TinyLFU eviction keeps what is used often); a value heavier than the
 * whole budget is not kept. Maintenance runs on the calling thread, so the weight is exact after a write.
 */
public final class WeightBoundedCache<K, V> {
    private final Cache<K, V> cache;

    public WeightBoundedCache(long maxWeight, ToLongFunction<V> weigher) {
        if (maxWeight < 0) {
            throw new IllegalArgumentException("maxWeight must not be negative: " + maxWeight);
        }
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, weigher.applyAsLong(value)))
                .executor(Runnable::run)
                .build();
    }

    public V get(K key) {
        return cache.getIfPresent(key);
    }

    public void put(K key, V value) {
        cache.put(key, value);
    }

    /**
     * Puts the value unless one is held for the key, in which case {@code choose(held, offered)} decides which is
     * kept; returns the value held afterwards.
     */
    public V putOrKeep(K key, V value, BinaryOperator<V> choose) {
        return cache.asMap().merge(key, value, choose);
    }

    /** Drops the values the predicate accepts. */
    public void removeValuesIf(Predicate<V> predicate) {
        cache.asMap().values().removeIf(predicate);
    }

    /** The summed weight of what is held now. */
    public long weight() {
        cache.cleanUp();
        return cache.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0L)).orElse(0L);
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
