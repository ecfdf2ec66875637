package dev.newsflow.syndicate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightBoundedCacheTest {
    @Test
    void theWeightHeldStaysWithinTheBudgetAndAReplacedValueIsNoLongerCounted() {
        WeightBoundedCache<String, String> cache = new WeightBoundedCache<>(10, value -> value.length());
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        assertThat(cache.get("a")).isEqualTo("aaaa");
        assertThat(cache.weight()).isEqualTo(8);
        cache.put("c", "cccc");
        assertThat(cache.weight()).as("one of the three went").isEqualTo(8);
        assertThat(cache.size()).isEqualTo(2);

        cache.put("a", "aa");
        assertThat(cache.weight()).as("a replaced value is no longer counted").isLessThanOrEqualTo(6);
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, "vvv");
            assertThat(cache.weight()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aValueHeavierThanTheBudgetIsNotKeptAndDisplacesNothing() {
        WeightBoundedCache<String, String> cache = new WeightBoundedCache<>(10, value -> value.length());
        cache.put("a", "aaaa");
        cache.put("huge", "x".repeat(11));
        assertThat(cache.get("huge")).isNull();
        assertThat(cache.get("a")).isEqualTo("aaaa");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aBudgetOfNothingKeepsNothing() {
        WeightBoundedCache<String, String> cache = new WeightBoundedCache<>(0, value -> value.length());
        cache.put("a", "a");
        assertThat(cache.get("a")).isNull();
        assertThat(cache.weight()).isZero();
    }
}
