package dev.newsflow.schemas.topics;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;

/**
 * Every topic of newsflow, each declared once with its serdes. Keys are plain UTF-8 strings
 * (article id, partner id); values are Avro in the Confluent wire format, subjects named
 * {@code <topic>-value}.
 */
public final class TopicCatalogue {
    public static final String ARTICLES_SUBMITTED = "articles-submitted";
    public static final String ARTICLES_ENRICHED = "articles-enriched";
    public static final String ARTICLES_DEAD_LETTER = "articles-dead-letter";
    public static final String PARTNER_SUBSCRIPTIONS = "partner-subscriptions";
    public static final String DEAD_LETTER_REPLAYS = "dead-letter-replays";
    /** The embedded schema registry's store; not written by the services. */
    public static final String SCHEMAS = "_schemas";

    private final TopicSpec<String, ArticleSubmitted> articlesSubmitted;
    private final TopicSpec<String, EnrichedArticle> articlesEnriched;
    private final TopicSpec<String, DeadLetter> articlesDeadLetter;
    private final TopicSpec<String, PartnerSubscription> partnerSubscriptions;
    private final TopicSpec<String, DeadLetterReplay> deadLetterReplays;

    private TopicCatalogue(Map<String, ?> serdeConfig) {
        articlesSubmitted = new TopicSpec<>(ARTICLES_SUBMITTED, Serdes.String(),
                avroValues(serdeConfig), false, "what ingest accepted, one record per version");
        articlesEnriched = new TopicSpec<>(ARTICLES_ENRICHED, Serdes.String(),
                avroValues(serdeConfig), false, "cleaned and enriched, one per accepted version");
        articlesDeadLetter = new TopicSpec<>(ARTICLES_DEAD_LETTER, Serdes.String(),
                avroValues(serdeConfig), false, "what could not be processed, with why and where from");
        partnerSubscriptions = new TopicSpec<>(PARTNER_SUBSCRIPTIONS, Serdes.String(),
                avroValues(serdeConfig), true, "the partner registry; latest record per partner wins");
        deadLetterReplays = new TopicSpec<>(DEAD_LETTER_REPLAYS, Serdes.String(),
                avroValues(serdeConfig), true, "dead letters replayed, by dead-letter id: none is replayed twice");
    }

    /**
     * A value serde of the class {@code avro.value.serde.class} names (newsflow's
     * {@code ConfluentAvroSerde} by default, or Confluent's {@code SpecificAvroSerde}),
     * configured with the same settings.
     */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> Serde<T> avroValues(Map<String, ?> serdeConfig) {
        Class<?> type = new AvroSerdeConfig(serdeConfig).getClass(AvroSerdeConfig.VALUE_SERDE_CLASS);
        Serde<T> serde = Utils.newInstance(type, Serde.class);
        serde.configure(serdeConfig, false);
        return serde;
    }

    /**
     * The catalogue with its Avro serdes configured from client settings
     * ({@code schema.registry.url}, {@code auto.register.schemas}, {@code use.latest.version}, ...).
     */
    public static TopicCatalogue create(Map<String, ?> serdeConfig) {
        return new TopicCatalogue(serdeConfig);
    }

    public TopicSpec<String, ArticleSubmitted> articlesSubmitted() {
        return articlesSubmitted;
    }

    public TopicSpec<String, EnrichedArticle> articlesEnriched() {
        return articlesEnriched;
    }

    public TopicSpec<String, DeadLetter> articlesDeadLetter() {
        return articlesDeadLetter;
    }

    public TopicSpec<String, PartnerSubscription> partnerSubscriptions() {
        return partnerSubscriptions;
    }

    public TopicSpec<String, DeadLetterReplay> deadLetterReplays() {
        return deadLetterReplays;
    }

    public List<TopicSpec<?, ?>> all() {
        return List.of(articlesSubmitted, articlesEnriched, articlesDeadLetter, partnerSubscriptions, deadLetterReplays);
    }
}
