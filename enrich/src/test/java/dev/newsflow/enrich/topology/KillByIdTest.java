package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Articles;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill sent by id alone reaches enrich with an empty headline and no body (ingest writes what the publisher
 * sent): it must pass clean-up and annotation to {@code articles-enriched}, never to the dead letters.
 */
class KillByIdTest {
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path stateDir;

    private EnrichTopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aKillWithoutHeadlineOrBodyPassesWithTheStandardAnnotator() {
        harness = new EnrichTopologyHarness(stateDir, ArticleAnnotators.standard(), Map.of());
        harness.submit(Articles.builder("story-9", 1).build(), T0);
        harness.submit(Articles.builder("story-9", 2).setAction(ArticleAction.KILL).setHeadline("").setBody(List.of())
                .setSection(null).setCategory(null).setContentHash("hash-kill").build(), T0.plusSeconds(5));

        List<EnrichedArticle> out = harness.enriched.readValuesToList();
        assertThat(harness.deadLetters.isEmpty()).as("no dead letter").isTrue();
        assertThat(out).extracting(EnrichedArticle::getAction).containsExactly(ArticleAction.PUBLISH, ArticleAction.KILL);
        EnrichedArticle kill = out.get(1);
        assertThat(kill.getVersion()).isEqualTo(2);
        assertThat(kill.getHeadline()).isEmpty();
        assertThat(kill.getBody()).isEmpty();
        assertThat(kill.getEntities()).isEmpty();
        assertThat(kill.getTopics()).isEmpty();
    }
}
