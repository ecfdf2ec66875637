package dev.newsflow.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TailRequestTest {
    @Test
    void anOffsetNeedsItsPartitionAndExcludesFromBeginning() {
        assertThatThrownBy(() -> new TailRequest("t", false, null, false, null, null, 5L))
                .hasMessageContaining("--offset needs --partition");
        assertThatThrownBy(() -> new TailRequest("t", true, null, false, null, 0, 5L))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new TailRequest("t", true, 0, false, null, null, null))
                .hasMessageContaining("--max");
    }

    @Test
    void withoutAStartingPointItReadsFromTheEnd() {
        assertThat(new TailRequest("t", false, null, false, null, null, null).fromEnd()).isTrue();
        assertThat(new TailRequest("t", true, null, false, null, null, null).fromEnd()).isFalse();
        assertThat(new TailRequest("t", false, null, false, null, 1, 3L).fromEnd()).isFalse();
    }
}
