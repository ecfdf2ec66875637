package dev.newsflow.schemas.topics;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** The value schema of each topic, by the subject it is registered under (TopicNameStrategy). */
public final class Schemas {
    private Schemas() {
    }

    public static Map<String, Schema> valueSchemasBySubject() {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        subjects.put(TopicCatalogue.ARTICLES_SUBMITTED + "-value", ArticleSubmitted.getClassSchema());
        subjects.put(TopicCatalogue.ARTICLES_ENRICHED + "-value", EnrichedArticle.getClassSchema());
        subjects.put(TopicCatalogue.ARTICLES_DEAD_LETTER + "-value", DeadLetter.getClassSchema());
        subjects.put(TopicCatalogue.PARTNER_SUBSCRIPTIONS + "-value", PartnerSubscription.getClassSchema());
        subjects.put(TopicCatalogue.DEAD_LETTER_REPLAYS + "-value", DeadLetterReplay.getClassSchema());
        return subjects;
    }
}
