package dev.newsflow.syndicate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecencyBoundedCacheTest {
    private static final int PAGE = 100;
    private static final int NEW_PER_READ = 25;
    private static final int READS = 2_000;

    /**
     * A feed page re-read after each batch of new stories, newest first, from a cache holding three pages: every
     * story but the new ones is served from the cache, from the first reads on. (The frequency-admitting
     * {@link WeightBoundedCache} served 4 % to 67 % of such reads in repeated runs of the same sequence, depending on
     * how its admission window adapted: not something a test can pin.)
     */
    @Test
    void aSlidingPageReReadIsServedFromACacheOfThreePagesExceptItsNewStories() {
        RecencyBoundedCache<Integer, String> cache = new RecencyBoundedCache<>(3 * PAGE, value -> 1L);

        assertThat(slidingPageHitRate(cache::get, cache::put)).isGreaterThan(0.74);
    }

    private static double slidingPageHitRate(java.util.function.Function<Integer, String> get,
                                             java.util.function.BiConsumer<Integer, String> put) {
        long hits = 0;
        long reads = 0;
        int newest = 0;
        for (int read = 0; read < READS; read++) {
            newest += NEW_PER_READ;
            for (int story = newest; story > Math.max(0, newest - PAGE); story--) {
                reads++;
                if (get.apply(story) != null) {
                    hits++;
                } else {
                    put.accept(story, "story " + story);
                }
            }
        }
        return hits / (double) reads;
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheBudgetAndKeepsNothingHeavierThanIt() {
        RecencyBoundedCache<String, String> cache = new RecencyBoundedCache<>(10, String::length);
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        assertThat(cache.get("a")).isEqualTo("aaaa");
        cache.put("c", "cccc");

        assertThat(cache.get("b")).as("least recently used, gone").isNull();
        assertThat(cache.get("a")).isEqualTo("aaaa");
        assertThat(cache.get("c")).isEqualTo("cccc");
        assertThat(cache.weight()).isEqualTo(8);

        cache.put("a", "aa");
        assertThat(cache.weight()).as("a replaced value's weight is its new one").isEqualTo(6);
        cache.put("huge", "x".repeat(11));
        assertThat(cache.get("huge")).isNull();
        assertThat(cache.size()).isEqualTo(2);
    }
}
