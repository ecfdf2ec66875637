package dev.newsflow.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeadLetterIdTest {
    @Test
    void anIdIsThePlaceOnTheDeadLetterTopicAndReadsBack() {
        DeadLetterId id = new DeadLetterId(2, 41);
        assertThat(id).hasToString("articles-dead-letter/2/41");
        assertThat(DeadLetterId.parse("articles-dead-letter/2/41")).isEqualTo(id);
    }

    @Test
    void somethingElseIsRefusedWithWhatAnIdLooksLike() {
        for (String bad : new String[] {"2/41", "articles-dead-letter/2", "articles-dead-letter/x/1",
                "articles-dead-letter/1/2/3", "articles-submitted/0/1", "articles-dead-letter/-1/3"}) {
            assertThatThrownBy(() -> DeadLetterId.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("articles-dead-letter/<partition>/<offset>");
        }
    }
}
