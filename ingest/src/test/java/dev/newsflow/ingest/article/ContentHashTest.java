package dev.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private static ArticleDraft.Builder story() {
        return ArticleDraft.builder(SourceFormat.JSON).guid("guid-1").canonicalUrl("https://example.org/a")
                .language("en").section("World").headline("Ferry treaty agreed \u2014 caf\u00e9 \uD83D\uDEA2")
                .byline(null).publishedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .body(List.of("First paragraph, with \u00e9 and \u4e2d\u6587.", "Second: \uD83D\uDE00 emoji."))
                .images(List.of(new DraftImage("A ferry", "Photo: AP", "https://example.org/f.jpg"),
                        new DraftImage(null, null, "https://example.org/g.jpg")))
                .keywords(List.of("ferries", "treaties"));
    }

    /**
     * Hashes a ledger holds must keep their values across releases, or a repeat after an upgrade would count as a
     * change: these were computed by the first implementation (one length-prefixed string, then SHA-256 of its
     * UTF-8), with nulls, text outside Latin-1 and outside the BMP, images and keywords.
     */
    @Test
    void theHashOfAKnownArticleNeverChanges() {
        assertThat(ContentHash.of(story().build()))
                .isEqualTo("860a1aa0102fe5740fb1db5be4a8c7b73801e67ec2de0a784e024f97ad3dd34c");
        assertThat(ContentHash.of(ArticleDraft.builder(SourceFormat.TEXT).headline("Only a headline")
                .body(List.of("One line.")).build()))
                .isEqualTo("7ece3ce907337fd9997a11183fdff156ae2bcc2e76315f5cad98ac0871fed6ca");
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        ArticleDraft a = story().section("ab").headline("c").build();
        ArticleDraft b = story().section("a").headline("bc").build();
        assertThat(ContentHash.of(a)).isNotEqualTo(ContentHash.of(b));
        ArticleDraft missing = story().section(null).build();
        ArticleDraft empty = story().section("").build();
        assertThat(ContentHash.of(missing)).isNotEqualTo(ContentHash.of(empty));
    }

    @Test
    void everyContentFieldCounts() {
        String base = ContentHash.of(story().build());
        assertThat(ContentHash.of(story().body(List.of("First paragraph, with \u00e9 and \u4e2d\u6587.")).build()))
                .isNotEqualTo(base);
        assertThat(ContentHash.of(story().images(List.of()).build())).isNotEqualTo(base);
        assertThat(ContentHash.of(story().keywords(List.of("ferries")).build())).isNotEqualTo(base);
        assertThat(ContentHash.of(story().embargoUntil(Instant.parse("2026-12-02T00:00:00Z")).build()))
                .isNotEqualTo(base);
        assertThat(ContentHash.of(story().build())).isEqualTo(base);
    }
}
