package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the enriched records of a fixed set of articles (see {@link GoldenArticles}), byte for byte
 * as JSON, so that work on the speed of the clean-up and the annotators cannot change what partners
 * receive. When a change of output is intended, record the file again with {@link GoldenEnrichment#main}.
 */
class GoldenEnrichmentTest {
    @Test
    void enrichmentOfTheGoldenArticlesIsUnchanged() {
        List<String> expected = GoldenArticles.resourceLines(GoldenEnrichment.RESOURCE);
        List<String> actual = GoldenEnrichment.render();

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("article %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void theGoldenArticlesExerciseEveryCleanUpRule() {
        String all = String.join("\n", GoldenArticles.resourceLines(GoldenEnrichment.RESOURCE));
        for (String kind : List.of("duplicate-caption", "caption-in-body", "credit-line", "chrome",
                "duplicate-paragraph", "empty-paragraph", "headline-in-body", "byline-in-body")) {
            assertThat(all).as("a removal of kind %s", kind).contains("\"kind\":\"" + kind + "\"");
        }
        assertThat(all).contains("near-duplicate").contains("\"type\":\"PERSON\"");
    }
}
