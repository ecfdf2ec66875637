package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsflow.enrich.Articles;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.dedupe.SeenVersion;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateSubmissionSuppressionTest {
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path stateDir;

    private EnrichTopologyHarness t;

    @BeforeEach
    void start() {
        t = new EnrichTopologyHarness(stateDir, article -> {
        }, Map.of(EnrichConfig.DEDUPE_RETENTION_MS, Duration.ofHours(1).toMillis(),
                EnrichConfig.DEDUPE_PURGE_INTERVAL_MS, Duration.ofMinutes(5).toMillis()));
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void identicalResubmissionIsDroppedAndANewVersionPasses() {
        ArticleSubmitted v1 = article(1, "hash-a");
        t.submit(v1, T0);
        t.submit(v1, T0.plusSeconds(1));
        t.submit(article(2, "hash-b"), T0.plusSeconds(2));

        assertThat(t.enriched.readValuesToList()).extracting(a -> a.getVersion(), a -> a.getContentHash())
                .containsExactly(tuple(1, "hash-a"), tuple(2, "hash-b"));
        assertThat(t.metrics.droppedCount("duplicate")).isEqualTo(1);
    }

    @Test
    void sameContentUnderAHigherVersionIsStillAnIdenticalResubmission() {
        t.submit(article(1, "hash-a"), T0);
        t.submit(article(2, "hash-a"), T0.plusSeconds(1));
        // v1 arriving late after v2 was seen (even as a duplicate) is stale.
        t.submit(article(1, "hash-old"), T0.plusSeconds(2));

        assertThat(t.enriched.readValuesToList()).extracting(a -> a.getVersion()).containsExactly(1);
        assertThat(t.metrics.droppedCount("duplicate")).isEqualTo(1);
        assertThat(t.metrics.droppedCount("stale")).isEqualTo(1);
    }

    @Test
    void olderVersionArrivingLateIsDropped() {
        t.submit(article(3, "hash-c"), T0);
        t.submit(article(2, "hash-b"), T0.plusSeconds(1));
        t.submit(article(4, "hash-d"), T0.plusSeconds(2));

        assertThat(t.enriched.readValuesToList()).extracting(a -> a.getVersion()).containsExactly(3, 4);
        assertThat(t.metrics.droppedCount("stale")).isEqualTo(1);
    }

    @Test
    void killWithUnchangedContentPasses() {
        t.submit(article(1, "hash-a"), T0);
        t.submit(Articles.builder("story-1", 2).setContentHash("hash-a").setAction(ArticleAction.KILL).build(),
                T0.plusSeconds(1));

        assertThat(t.enriched.readValuesToList()).extracting(a -> a.getAction())
                .containsExactly(ArticleAction.PUBLISH, ArticleAction.KILL);
    }

    @Test
    void articlesAreJudgedSeparately() {
        t.submit(article(1, "hash-a"), T0);
        t.submit(Articles.builder("story-2", 1).setContentHash("hash-a").build(), T0.plusSeconds(1));

        assertThat(t.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("story-1", "story-2");
    }

    @Test
    void storeRemembersTheLastAcceptedVersionAndForgetsItAfterTheRetention() {
        t.submit(article(1, "hash-a"), T0);
        KeyValueStore<String, SeenVersion> store = t.driver.getKeyValueStore(EnrichTopology.ARTICLE_VERSIONS_STORE);
        assertThat(store.get("story-1")).isEqualTo(new SeenVersion(1, "hash-a", "PUBLISH", T0.toEpochMilli()));

        // Another article moves stream time past the retention; the purge forgets story-1 ...
        t.submit(Articles.builder("story-2", 1).build(), T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(10)));
        assertThat(store.get("story-1")).isNull();
        assertThat(store.get("story-2")).isNotNull();

        // ... so the same submission passes again.
        t.enriched.readValuesToList();
        t.submit(article(1, "hash-a"), T0.plus(Duration.ofHours(2)));
        assertThat(t.enriched.readValuesToList()).extracting(a -> a.getArticleId()).containsExactly("story-1");
    }

    private static ArticleSubmitted article(int version, String hash) {
        return Articles.builder("story-1", version).setContentHash(hash).build();
    }
}
