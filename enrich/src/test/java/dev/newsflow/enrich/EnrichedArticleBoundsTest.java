package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.platform.article.EnrichedSizeBound;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedArticleBoundsTest {

    private static EnrichedArticle.Builder article(List<Entity> entities, List<Removal> removals) {
        return EnrichedArticle.newBuilder()
                .setArticleId("a-1").setPublisherId("p").setVersion(1).setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.JSON).setReceivedAt(Instant.EPOCH).setEnrichedAt(Instant.EPOCH)
                .setHeadline("h").setBody(new ArrayList<>(List.of("b"))).setImages(new ArrayList<>())
                .setEntities(new ArrayList<>(entities)).setTopics(new ArrayList<>())
                .setCleanup(CleanupReport.newBuilder().setRemovals(new ArrayList<>(removals)).build())
                .setKeywords(new ArrayList<>()).setContentHash("x");
    }

    private static Entity entity(String name, double salience, int mentions) {
        List<Mention> list = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            list.add(Mention.newBuilder().setField("body[" + i + "]").setStart(0).setEnd(name.length()).setText(name)
                    .build());
        }
        return Entity.newBuilder().setName(name).setType(EntityType.PLACE).setConfidence(0.9).setSalience(salience)
                .setMentions(list).build();
    }

    @Test
    void anEntityKeepsItsFirstMentionsOnly() {
        EnrichedArticle.Builder article = article(List.of(entity("Paris", 1.0, 5_000)), List.of());
        EnrichedArticleBounds.apply(article);
        assertThat(article.getEntities().get(0).getMentions()).hasSize(EnrichedArticleBounds.MAX_MENTIONS_PER_ENTITY)
                .first().extracting(Mention::getField).isEqualTo("body[0]");
    }

    @Test
    void overTheAnnotationBudgetTheLeastSalientEntitiesGoAndTheOthersKeepTheirOrder() {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // ~20 mentions of ~40 bytes each: ~1 kB per entity, 400 kB in all
            entities.add(entity("Entity number " + i + " with a long name", (i % 10) / 10.0, 20));
        }
        EnrichedArticle.Builder article = article(entities, List.of());
        EnrichedArticleBounds.apply(article);

        List<Entity> kept = article.getEntities();
        long bytes = kept.stream().mapToLong(EnrichedArticleBounds::encodedSize).sum();
        assertThat(bytes).isLessThanOrEqualTo(EnrichedSizeBound.ANNOTATION_BYTES).isGreaterThan(EnrichedSizeBound.ANNOTATION_BYTES / 2);
        assertThat(kept).extracting(Entity::getSalience).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.5));
        assertThat(kept).isSortedAccordingTo((a, b) -> Integer.compare(entities.indexOf(a), entities.indexOf(b)));
    }

    @Test
    void aFewRemovalsAreListedAsTheyAre() {
        List<Removal> removals = List.of(removal("chrome", "shareprint"), removal("chrome", "Terms of use."));
        EnrichedArticle.Builder article = article(List.of(), removals);
        EnrichedArticleBounds.apply(article);
        assertThat(article.getCleanup().getRemovals()).containsExactlyElementsOf(removals);
    }

    @Test
    void longRemovedTextsAreCutAndTheReportStaysWithinItsBudget() {
        List<Removal> removals = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            removals.add(removal("duplicate-paragraph", "\u00E9".repeat(5_000)));
        }
        EnrichedArticle.Builder article = article(List.of(), removals);
        EnrichedArticleBounds.apply(article);

        List<Removal> listed = article.getCleanup().getRemovals();
        assertThat(listed.subList(0, listed.size() - 1)).allSatisfy(r -> assertThat(r.getText())
                .hasSize(EnrichedArticleBounds.MAX_REMOVAL_TEXT_CHARS).endsWith("\u2026"));
        assertThat(listed.stream().mapToLong(EnrichedArticleBounds::encodedSize).sum())
                .isLessThanOrEqualTo(EnrichedSizeBound.CLEANUP_REPORT_BYTES);
        Removal last = listed.get(listed.size() - 1);
        assertThat(last.getKind()).isEqualTo(EnrichedArticleBounds.UNLISTED);
        assertThat(last.getReason()).startsWith((90 - listed.size() + 1) + " more removals are not listed");
    }

    private static Removal removal(String kind, String text) {
        return Removal.newBuilder().setKind(kind).setText(text).setReason("because").build();
    }
}
