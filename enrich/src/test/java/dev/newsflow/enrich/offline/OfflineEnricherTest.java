package dev.newsflow.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.Articles;
import dev.newsflow.platform.article.CleanupReportBound;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Removal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEnricherTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theCleanupReportListsWhatIngestLeftOutOfThePageFirstThenTheCleanupsOwnRemovals() {
        OfflineEnricher enricher = new OfflineEnricher(article -> { }, 0.8, CLOCK);
        List<Removal> fromThePage = List.of(
                Removal.newBuilder().setKind("chrome").setText("Home Sport").setReason("<nav> is never the story").build(),
                Removal.newBuilder().setKind("chrome").setText("Read more")
                        .setReason("navigation or advertising line \"Read more\"").build());

        EnrichedArticle enriched = enricher.enrich(ArticleSubmitted.newBuilder(Articles.seedShaped("offline-3", 1))
                .setExtractionRemovals(fromThePage).build());

        List<Removal> report = enriched.getCleanup().getRemovals();
        assertThat(report.subList(0, 2)).containsExactlyElementsOf(fromThePage);
        assertThat(report.subList(2, report.size())).extracting(Removal::getKind)
                .contains("duplicate-caption", "chrome");
    }

    @Test
    void ingestsRemovalsAndTheCleanupsStayWithinTheReportBoundTogether() {
        OfflineEnricher enricher = new OfflineEnricher(article -> { }, 0.8, CLOCK);
        List<Removal> fromThePage = new ArrayList<>();
        for (int i = 0; i < CleanupReportBound.MAX_REMOVALS - 1; i++) {
            fromThePage.add(Removal.newBuilder().setKind("outside-story").setText("Teaser " + i).setReason("r").build());
        }
        fromThePage.add(Removal.newBuilder().setKind(CleanupReportBound.UNLISTED).setText("")
                .setReason("40 more removals are not listed: the report lists at most 100").build());

        EnrichedArticle enriched = enricher.enrich(ArticleSubmitted.newBuilder(Articles.seedShaped("offline-4", 1))
                .setExtractionRemovals(fromThePage).build());

        List<Removal> report = enriched.getCleanup().getRemovals();
        assertThat(report).hasSize(CleanupReportBound.MAX_REMOVALS);
        Removal last = report.get(report.size() - 1);
        assertThat(last.getKind()).isEqualTo(CleanupReportBound.UNLISTED);
        // 40 ingest did not list, plus the clean-up's 3 that no longer fit.
        assertThat(last.getReason()).startsWith("43 more removals are not listed");
    }

    @Test
    void cleansLikeTheTopologyAndRendersPlainJson() throws Exception {
        OfflineEnricher enricher = new OfflineEnricher(article -> { }, 0.8, CLOCK);

        String json = enricher.enrichToJson(Articles.seedShaped("offline-1", 1));

        assertThat(json).doesNotContain("\n");
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("articleId").asText()).isEqualTo("offline-1");
        assertThat(tree.get("action").asText()).isEqualTo("PUBLISH");
        assertThat(tree.get("receivedAt").asText()).isEqualTo("2026-03-03T10:15:30Z");
        assertThat(tree.get("enrichedAt").asText()).isEqualTo("2026-03-03T12:00:00Z");
        assertThat(tree.get("publishedAt").isNull()).isTrue();
        assertThat(tree.get("images")).hasSize(1);
        assertThat(tree.get("images").get(0).get("creditline").asText()).isEqualTo("EPA");
        assertThat(tree.get("images").get(0).get("by").asText()).isEqualTo("Marta Fonseca");
        assertThat(tree.get("body")).hasSize(Articles.BODY.size());
        assertThat(tree.get("cleanup").get("removals")).hasSize(3);
        assertThat(tree.get("entities").isArray()).isTrue();
    }

    @Test
    void prettyRenderingIsTheSameDocument() throws Exception {
        EnrichedArticle article = new OfflineEnricher(a -> { }, 0.8, CLOCK).enrich(Articles.seedShaped("o-2", 1));
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(EnrichedArticleJson.renderPretty(article)))
                .isEqualTo(mapper.readTree(EnrichedArticleJson.render(article)));
    }

    @Test
    void annotatorFailureNamesTheStage() {
        OfflineEnricher enricher = new OfflineEnricher(a -> {
            throw new IllegalStateException("boom");
        }, 0.8, CLOCK);
        assertThatThrownBy(() -> enricher.enrich(Articles.seedShaped("o-3", 1)))
                .isInstanceOfSatisfying(ArticleEnricher.EnrichmentException.class,
                        e -> assertThat(e.stage()).isEqualTo("annotation"));
    }

    @Test
    void standardEnricherRunsTheStandardAnnotator() {
        EnrichedArticle article = OfflineEnricher.standard().enrich(Articles.seedShaped("o-4", 1));
        assertThat(article.getImages()).hasSize(1);
        assertThat(article.getBody()).containsExactlyElementsOf(Articles.BODY);
    }
}
