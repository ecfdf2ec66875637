package dev.newsflow.syndicate;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.Topic;
import java.time.Instant;
import java.util.List;

/** Enriched-article fixtures written for these tests, in the shape enrich produces. */
public final class Articles {
    public static final Instant T0 = Instant.parse("2026-11-28T09:30:00Z");

    private Articles() {
    }

    /** A politics story with one photo (caption + split credit), one entity and two topics. */
    public static EnrichedArticle.Builder story(String id, String headline) {
        return EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setPublisherId("harbour-gazette")
                .setVersion(1)
                .setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.TEXT)
                .setReceivedAt(T0)
                .setEnrichedAt(T0.plusMillis(40))
                .setLanguage("en")
                .setSection("News")
                .setCategory("Politics")
                .setHeadline(headline)
                .setByline("Mara Lindqvist")
                .setBody(List.of("Leaders of the coastal alliance met in Lisbon on Thursday to agree a ferry treaty.",
                        "The agreement still needs the approval of three parliaments."))
                .setImages(List.of(Image.newBuilder()
                        .setCaption("Delegates arrive at the conference centre in Lisbon")
                        .setCreditline("Reuters")
                        .setBy("Ana Sousa")
                        .setRawCredit("Photo: Reuters / Ana Sousa")
                        .setUrl("https://images.example.org/lisbon.jpg")
                        .build()))
                .setEntities(List.of(Entity.newBuilder().setName("Lisbon").setType(EntityType.PLACE)
                        .setWikidataId("Q597").setConfidence(0.93).setSalience(0.6).setMentions(List.of()).build()))
                .setTopics(List.of(
                        Topic.newBuilder().setQcode("medtop:11000000").setLabel("politics").setLevel(1)
                                .setParents(List.of()).setScore(0.88).build(),
                        Topic.newBuilder().setQcode("medtop:20000638").setLabel("treaty").setLevel(3)
                                .setParents(List.of("medtop:20000637", "medtop:11000000")).setScore(0.71).build()))
                .setCleanup(CleanupReport.newBuilder().setRemovals(List.of()).build())
                .setKeywords(List.of("ferry", "treaty"))
                .setContentHash("hash-" + id)
                .setCanonicalUrl("https://harbour-gazette.example.org/news/" + id);
    }
}
