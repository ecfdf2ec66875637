package dev.newsflow.syndicate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightBoundedLruTest {
    @Test
    void theLeastRecentlyUsedGoFirstWhenTheWeightExceedsTheBudget() {
        WeightBoundedLru<String, String> lru = new WeightBoundedLru<>(10, value -> value.length());
        lru.put("a", "aaaa");
        lru.put("b", "bbbb");
        assertThat(lru.get("a")).isEqualTo("aaaa");
        lru.put("c", "cccc");
        assertThat(lru.get("b")).as("least recently used").isNull();
        assertThat(lru.get("a")).isEqualTo("aaaa");
        assertThat(lru.get("c")).isEqualTo("cccc");
        assertThat(lru.weight()).isEqualTo(8);

        lru.put("a", "aa");
        assertThat(lru.weight()).as("a replaced value is no longer counted").isEqualTo(6);
    }

    @Test
    void aValueHeavierThanTheBudgetIsNotKeptAndDisplacesNothing() {
        WeightBoundedLru<String, String> lru = new WeightBoundedLru<>(10, value -> value.length());
        lru.put("a", "aaaa");
        lru.put("huge", "x".repeat(11));
        assertThat(lru.get("huge")).isNull();
        assertThat(lru.get("a")).isEqualTo("aaaa");
        assertThat(lru.size()).isEqualTo(1);
    }
}
