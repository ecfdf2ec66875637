package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

    @Test
    void behavesAsAHashMapOfLongKeys() {
        SplittableRandom random = new SplittableRandom(17);
        LongKeyMap<String> map = new LongKeyMap<>();
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            // Few distinct keys, 0 and negative ones among them, so keys repeat and the table grows.
            long key = random.nextInt(8) == 0 ? 0 : random.nextLong(-500, 500) * 0x9E3779B97F4A7C15L;
            String value = "v" + i;
            switch (random.nextInt(4)) {
                case 0 -> assertThat(map.put(key, value)).isEqualTo(reference.put(key, value));
                case 1 -> assertThat(map.putIfAbsent(key, value)).isEqualTo(reference.putIfAbsent(key, value));
                case 2 -> {
                    map.merge(key, value, (a, b) -> a + "+" + b);
                    reference.merge(key, value, (a, b) -> a + "+" + b);
                }
                default -> assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
        }
        for (Map.Entry<Long, String> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(map.get(123_456_789L)).isNull();
    }
}
