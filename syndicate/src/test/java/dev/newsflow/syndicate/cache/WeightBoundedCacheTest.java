package dev.newsflow.syndicate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BinaryOperator;
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

    @Test
    void anOfferedValueIsKeptOrRefusedAsTheChoiceSaysAndWhatIsHeldIsReturned() {
        WeightBoundedCache<String, String> cache = new WeightBoundedCache<>(100, value -> value.length());
        BinaryOperator<String> longer = (held, offered) -> offered.length() > held.length() ? offered : held;
        String first = new String("aa");
        assertThat(cache.putOrKeep("a", first, longer)).as("nothing held: put").isSameAs(first);
        String equal = new String("aa");
        assertThat(cache.putOrKeep("a", equal, longer)).as("not longer: the held instance stays and is returned")
                .isSameAs(first).isNotSameAs(equal);
        assertThat(cache.get("a")).isSameAs(first);
        assertThat(cache.putOrKeep("a", "ccc", longer)).isEqualTo("ccc");
        assertThat(cache.get("a")).isEqualTo("ccc");
        assertThat(cache.weight()).isEqualTo(3);
    }

    @Test
    void onlyTheValuesThePredicateAcceptsAreRemovedAndTheirWeightWithThem() {
        WeightBoundedCache<String, String> cache = new WeightBoundedCache<>(100, value -> value.length());
        cache.put("old1", "1:x");
        cache.put("old2", "1:yy");
        cache.put("new", "2:zzz");
        cache.removeValuesIf(value -> value.startsWith("1:"));
        assertThat(cache.get("old1")).isNull();
        assertThat(cache.get("old2")).isNull();
        assertThat(cache.get("new")).isEqualTo("2:zzz");
        assertThat(cache.weight()).isEqualTo(5);
    }
}
