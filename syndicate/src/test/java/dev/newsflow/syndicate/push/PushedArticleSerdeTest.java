package dev.newsflow.syndicate.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.state.ArticleStateSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushedArticleSerdeTest {
    private final PushedArticleSerde serde = new PushedArticleSerde();

    @Test
    void theStateRoundTripsInAFewDozenBytes() {
        PushedArticle state = new PushedArticle(3, ArticleAction.UPDATE, Instant.parse("2026-12-06T10:15:30.123456Z"),
                Instant.parse("2026-12-07T06:00:00Z"), Map.of("acme", List.of("news", "politics"),
                "globex", List.of("world")), null);

        byte[] bytes = serde.serializer().serialize("t", state);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
        assertThat(bytes.length).isLessThan(100);
    }

    @Test
    void anEarlierReleasesWholeArticleIsReadAsALegacyEntry() {
        EnrichedArticle article = Articles.story("a", "A story").setVersion(2).setAction(ArticleAction.UPDATE).build();
        byte[] earlier = new ArticleStateSerde().serializer().serialize("t", article);

        PushedArticle state = serde.deserializer().deserialize("t", earlier);

        assertThat(state.version()).isEqualTo(2);
        assertThat(state.action()).isEqualTo(ArticleAction.UPDATE);
        assertThat(state.legacyContent()).isEqualTo(article);
        assertThat(state.pushedTo()).isEmpty();
        assertThat(serde.serializer().serialize("t", state)).isEqualTo(earlier);
    }

    @Test
    void aValueThatCannotHoldWhatItClaimsIsRefused() {
        byte[] bytes = serde.serializer().serialize("t", new PushedArticle(1, ArticleAction.PUBLISH,
                Instant.parse("2026-12-06T10:15:30Z"), null, Map.of("acme", List.of("news")), null));
        byte[] hugeCount = bytes.clone();
        // the partner count follows format (1), version (4), action ("PUBLISH": 2 + 7), instant (12), no embargo (1)
        int countAt = 1 + 4 + 2 + 7 + 12 + 1;
        hugeCount[countAt] = 0x7F;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", hugeCount))
                .hasMessageContaining("entries in");
        byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", trailing))
                .hasMessageContaining("after its end");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {(byte) 0xC3, 0x02, 0}))
                .hasMessageContaining("push state format");
    }

    @Test
    void anUnknownFormatIsRefusedByName() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .hasMessageContaining("push state format 9");
    }
}
