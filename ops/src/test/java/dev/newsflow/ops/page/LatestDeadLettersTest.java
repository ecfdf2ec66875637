package dev.newsflow.ops.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ops.deadletters.DeadLetterEntry;
import dev.newsflow.ops.deadletters.DeadLetterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestDeadLettersTest {
    @Test
    void newestFirstFilteredByStageAndCountedByStageBeyondWhatIsKept() {
        LatestDeadLetters letters = new LatestDeadLetters(3);
        List<DeadLetterEntry> arrived = new ArrayList<>();
        arrived.add(entry(0, "validation"));
        for (int i = 1; i <= 5; i++) {
            arrived.add(entry(i, "deserialization"));
        }
        letters.addAll(arrived);

        assertThat(letters.latest(null, 10)).extracting(e -> e.id().offset()).containsExactly(5L, 4L, 3L);
        assertThat(letters.latest("deserialization", 2)).extracting(e -> e.id().offset()).containsExactly(5L, 4L);
        assertThat(letters.latest("validation", 10)).as("no longer kept").isEmpty();
        assertThat(letters.byStage()).isEqualTo(Map.of("deserialization", 5L, "validation", 1L));
        assertThat(letters.total()).isEqualTo(6);
        assertThat(letters.latest(" ", 1)).extracting(e -> e.id().offset()).containsExactly(5L);
        assertThat(letters.byOrigin()).isEqualTo(Map.of("enrich", Map.of("deserialization", 5L, "validation", 1L)));
    }

    /** What the dead-letter alert compares with the time: the newest failure of each stage, whatever order they came. */
    @Test
    void theNewestFailureOfEachStageByItsOwnTime() {
        LatestDeadLetters letters = new LatestDeadLetters(10);
        letters.addAll(List.of(entry(7, "size"), entry(3, "size"), entry(4, "validation")));
        assertThat(letters.newestByOrigin()).isEqualTo(Map.of("enrich", Map.of("size", Instant.ofEpochSecond(7),
                "validation", Instant.ofEpochSecond(4))));
    }

    private static DeadLetterEntry entry(long offset, String stage) {
        return new DeadLetterEntry(new DeadLetterId(0, offset), "k" + offset, Instant.ofEpochSecond(offset), "enrich",
                stage, "E", "why", "articles-submitted", 0, offset, null, new byte[] {1});
    }
}
