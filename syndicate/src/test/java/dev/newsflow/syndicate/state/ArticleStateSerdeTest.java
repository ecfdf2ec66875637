package dev.newsflow.syndicate.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Removal;
import dev.newsflow.syndicate.Articles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleStateSerdeTest {
    /** Nested records write themselves (custom coders): one of each kind, with nulls and non-Latin text. */
    private static EnrichedArticle everyNestedRecord() {
        return Articles.story("a-4", "Ministre à Lisbonne")
                .setEmbargoUntil(Articles.T0.plusSeconds(3600))
                .setImages(List.of(Image.newBuilder().setCaption("Sans crédit").setCreditline(null).setBy(null)
                        .setRawCredit(null).setUrl(null).build()))
                .setEntities(List.of(
                        Entity.newBuilder().setName("Lisbon").setType(EntityType.PLACE).setWikidataId("Q597")
                                .setConfidence(0.93).setSalience(0.6).setMentions(List.of(
                                        Mention.newBuilder().setField("body").setStart(31).setEnd(37)
                                                .setText("Lisbon").build(),
                                        Mention.newBuilder().setField("headline").setStart(11).setEnd(19)
                                                .setText("Lisbonne").build())).build(),
                        Entity.newBuilder().setName("Zoë Ødegård").setType(EntityType.PERSON).setWikidataId(null)
                                .setConfidence(Double.MIN_VALUE).setSalience(-0.0).setMentions(List.of()).build()))
                .setCleanup(CleanupReport.newBuilder().setRemovals(List.of(Removal.newBuilder()
                        .setKind("chrome").setText("Read more \u2192").setReason("link text").build())).build())
                .build();
    }

    /** Stores written before the serializer changed hold toByteBuffer's bytes; the new ones must be the same. */
    @Test
    void writesWhatTheGeneratedClassWritesAndReadsItBack() throws IOException {
        ArticleStateSerde serde = new ArticleStateSerde();
        String paragraph = "The harbour authority said the ferry would run twice a day from March. ";
        for (EnrichedArticle article : List.of(Articles.story("a-1", "Ferry treaty agreed").build(),
                Articles.story("a-2", "A long one").setBody(List.of(paragraph.repeat(400), "Ends here.")).build(),
                Articles.story("a-3", "Short again").setPublishedAt(Articles.T0.minusSeconds(60)).build(),
                everyNestedRecord())) {
            ByteBuffer generated = article.toByteBuffer();
            byte[] expected = new byte[generated.remaining()];
            generated.get(expected);

            byte[] stored = serde.serializer().serialize("store", article);

            assertThat(stored).isEqualTo(expected);
            assertThat(serde.deserializer().deserialize("store", stored)).isEqualTo(article);
        }
        assertThat(serde.serializer().serialize("store", null)).isNull();
    }
}
