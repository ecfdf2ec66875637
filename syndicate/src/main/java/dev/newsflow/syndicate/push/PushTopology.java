package dev.newsflow.syndicate.push;

import dev.newsflow.platform.kafka.DeadLetterFactory;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.partner.PartnerStoreSerde;
import dev.newsflow.syndicate.state.ArticleStateSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Webhook push, a Streams application shared by all instances (so each event is pushed by one of
 * them): articles are routed to matching partners, repartitioned by partner id, numbered into an
 * outbox and delivered in order by the {@link WebhookDeliveryWorker}, off the stream threads, with the
 * outcomes recorded back in the outbox's stores. Suspensions go to {@code articles-dead-letter}.
 */
public final class PushTopology {
    public static final String ARTICLES_SOURCE = "syndicate-push-source";
    public static final String PARTNERS_SOURCE = "syndicate-push-partners-source";
    public static final String PARTNERS_STORE = "syndicate-push-partners";
    public static final String ROUTER = "syndicate-push-router";
    public static final String ARTICLES_STORE = "syndicate-push-articles";
    public static final String EMBARGO_STORE = "syndicate-push-embargoed";
    public static final String BY_PARTNER = "syndicate-push-by-partner";
    public static final String DELIVERER = "syndicate-push-deliverer";
    public static final String OUTBOX_STORE = "syndicate-push-outbox";
    public static final String STATUS_STORE = "syndicate-push-status";
    public static final String DEAD_LETTER_SINK = "syndicate-push-dead-letters";

    private final TopicCatalogue topics;
    private final WebhookDeliveryWorker worker;
    private final DeliveryLog log;
    private final RandomGenerator random;
    private final Clock clock;

    public PushTopology(TopicCatalogue topics, WebhookDeliveryWorker worker, DeliveryLog log) {
        this(topics, worker, log, new Random(), Clock.systemUTC());
    }

    public PushTopology(TopicCatalogue topics, WebhookDeliveryWorker worker, DeliveryLog log, RandomGenerator random,
                        Clock clock) {
        this.topics = topics;
        this.worker = worker;
        this.log = log;
        this.random = random;
        this.clock = clock;
    }

    public Topology buildTopology(SyndicateConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        TopicSpec<String, PartnerSubscription> partners = topics.partnerSubscriptions();
        // the global table's store takes the Consumed serdes (StreamsBuilder.globalTable), so decode-once goes there
        Serde<PartnerSubscription> partnerValues = PartnerStoreSerde.decodingOnce(partners.valueSerde());
        builder.globalTable(partners.name(),
                Consumed.with(partners.keySerde(), partnerValues).withName(PARTNERS_SOURCE),
                Materialized.<String, PartnerSubscription, KeyValueStore<Bytes, byte[]>>as(PARTNERS_STORE)
                        .withKeySerde(partners.keySerde()).withValueSerde(partnerValues));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), new PushedArticleSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EMBARGO_STORE),
                Serdes.String(), new ArticleStateSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OUTBOX_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATUS_STORE),
                Serdes.String(), Serdes.String()));

        WebhookDeliverer.PushSettings settings = new WebhookDeliverer.PushSettings(config.pushInterval(),
                config.pushBackoffInitial(), config.pushBackoffMax(), config.pushSuspendAfterFailures(),
                config.pushTimeout());
        TopicSpec<String, EnrichedArticle> articles = topics.articlesEnriched();
        TopicSpec<String, DeadLetter> deadLetters = topics.articlesDeadLetter();
        DeadLetterFactory deadLetterFactory = new DeadLetterFactory("syndicate", clock);
        builder.stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde())
                        .withName(ARTICLES_SOURCE))
                .process(() -> new PushRouter(Duration.ofSeconds(1)), Named.as(ROUTER), ARTICLES_STORE, EMBARGO_STORE)
                .repartition(Repartitioned.<String, String>as(BY_PARTNER)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .process(() -> new WebhookDeliverer(settings, worker, log, random, deadLetterFactory),
                        Named.as(DELIVERER),
                        OUTBOX_STORE, STATUS_STORE)
                .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                        .withName(DEAD_LETTER_SINK));
        return builder.build();
    }
}
