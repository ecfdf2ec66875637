package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.partner.PartnerStoreSerde;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The feed state: the partner registry as a global store (every instance sees every partner, so any
 * instance can authenticate any request), and from {@code articles-enriched} the latest version of
 * each article plus a time-ordered index of them. Feeds are the join of the two, evaluated when a
 * feed is read (see {@link FeedQuery}): a new or changed subscription applies to the whole history
 * at once, with no re-partitioning or backfill.
 */
public final class FeedStateTopology {
    public static final String PARTNERS_SOURCE = "syndicate-partners-source";
    public static final String PARTNERS_STORE = "syndicate-partners";
    public static final String ARTICLES_SOURCE = "syndicate-articles-source";
    public static final String FEED_STATE_PROCESSOR = "syndicate-feed-state";
    public static final String ARTICLES_STORE = "syndicate-articles";
    public static final String TIMELINE_STORE = "syndicate-timeline";

    private final TopicCatalogue topics;
    private final StateVersion version;
    private final LocalArticleStores localStores = new LocalArticleStores();
    private final PartnerDirectory partnerDirectory = new PartnerDirectory();

    public FeedStateTopology(TopicCatalogue topics) {
        this(topics, new StateVersion());
    }

    /** @param version bumped on every stored change, so readers can cache pages per version */
    public FeedStateTopology(TopicCatalogue topics, StateVersion version) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** Where each task of this topology publishes its articles store, for this instance's feed reads. */
    public LocalArticleStores localArticleStores() {
        return localStores;
    }

    /** The partners of this topology's global store, in memory, for this instance's feed requests. */
    public PartnerDirectory partnerDirectory() {
        return partnerDirectory;
    }

    public Topology buildTopology(SyndicateConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        TopicSpec<String, PartnerSubscription> partners = topics.partnerSubscriptions();
        // A global store with a processor of ours rather than a global table, so the processor can keep the
        // partner directory; the store is what a global table's would be (timestamped, no changelog: the topic
        // is its log), and keeps each stored record decoded once for the reads that still go through it.
        Serde<PartnerSubscription> partnerValues = PartnerStoreSerde.decodingOnce(partners.valueSerde());
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(
                                Stores.persistentTimestampedKeyValueStore(PARTNERS_STORE), partners.keySerde(),
                                partnerValues)
                        .withLoggingDisabled(),
                partners.name(), Consumed.with(partners.keySerde(), partnerValues).withName(PARTNERS_SOURCE),
                () -> new PartnerStoreProcessor(partnerDirectory));

        // every feed page read decodes its articles: decode each stored version once (see DecodedByBytes)
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), new ArticleStateSerde(config.articleCacheMaxBytes())));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINE_STORE),
                Serdes.String(), Serdes.String()));

        TopicSpec<String, EnrichedArticle> articles = topics.articlesEnriched();
        builder.stream(articles.name(),
                        Consumed.with(articles.keySerde(), articles.valueSerde()).withName(ARTICLES_SOURCE))
                .process(() -> new FeedStateProcessor(version, localStores), Named.as(FEED_STATE_PROCESSOR), ARTICLES_STORE, TIMELINE_STORE);
        return builder.build();
    }
}
