package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import dev.newsflow.syndicate.SyndicateConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The feed-state topology in a {@link TopologyTestDriver}, on a mock schema registry of its own, with its two input
 * topics: what the tests of the feed state and of what reads it start from.
 */
public final class FeedStateDriver implements AutoCloseable {
    private final FeedStateTopology feedState;
    private final Topology topology;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, EnrichedArticle> articles;
    private final TestInputTopic<String, PartnerSubscription> partners;

    private FeedStateDriver(Path stateDir, StateVersion version, Map<String, String> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("schema.registry.url", "mock://feed-state-" + UUID.randomUUID());
        all.put("auto.register.schemas", "true");
        all.put("state.dir", stateDir.toString());
        SyndicateConfig config = new SyndicateConfig(all);
        TopicCatalogue topics = TopicCatalogue.create(config.serdeConfig());
        feedState = new FeedStateTopology(topics, version);
        topology = feedState.buildTopology(config);
        Properties properties = new Properties();
        properties.putAll(config.streamsConfig());
        properties.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(topology, properties);
        articles = input(topics.articlesEnriched());
        partners = input(topics.partnerSubscriptions());
    }

    public static FeedStateDriver start(Path stateDir) {
        return new FeedStateDriver(stateDir, new StateVersion(), Map.of());
    }

    /** @param settings syndicate settings beyond the registry and the state directory */
    public static FeedStateDriver start(Path stateDir, StateVersion version, Map<String, String> settings) {
        return new FeedStateDriver(stateDir, version, settings);
    }

    private <V> TestInputTopic<String, V> input(TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public FeedStateTopology feedState() {
        return feedState;
    }

    public Topology topology() {
        return topology;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public TestInputTopic<String, EnrichedArticle> articles() {
        return articles;
    }

    public TestInputTopic<String, PartnerSubscription> partners() {
        return partners;
    }

    /** The stores, read as the feed queries read them. */
    public FeedStateView view() {
        return FeedStateView.ofSingleTask(driver::getKeyValueStore);
    }

    @Override
    public void close() {
        driver.close();
    }
}
