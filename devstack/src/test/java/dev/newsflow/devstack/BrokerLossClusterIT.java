package dev.newsflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.devstack.SteadyPublisherLoad.Outcome;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker loss on a real cluster: three KRaft brokers in this JVM, the pipeline (ingest, enrich, syndicate) on it
 * with every topic it creates replicated three times and {@code min.insync.replicas=2}, and a publisher posting new
 * articles at a steady rate throughout. One broker is stopped during the load and brought back; then two are
 * stopped, so that no write can meet min.insync.replicas, and brought back. While two are down ingest answers 503
 * with Retry-After, never 202, and says it is not ready; the publisher then sends the refused articles again. Every
 * accepted article is on {@code articles-enriched} (read_committed) and in the partner's feed exactly once, and
 * nothing else is on the topic.
 */
class BrokerLossClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLossClusterIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHER_KEY = "broker-loss-key-" + UUID.randomUUID();
    /** How long ingest waits for acks=all before answering 503: short, so that the outage is seen in seconds. */
    private static final int PRODUCE_TIMEOUT_MS = 3_000;
    private static final List<String> PIPELINE_TOPICS = List.of(TopicCatalogue.ARTICLES_SUBMITTED,
            TopicCatalogue.ARTICLES_ENRICHED);

    @TempDir
    static Path data;
    private static ThreeBrokerCluster cluster;
    private static EmbeddedSchemaRegistry registry;
    private static DevStack stack;
    private static Admin admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeBrokerCluster.start();
        registry = EmbeddedSchemaRegistry.start(cluster.bootstrapServers(), 0);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        stack = DevStack.start(DevStackSettings.builder(data)
                .cluster(cluster.bootstrapServers(), registry.url())
                .topicPartitions(3)
                .publisher("broker-loss", PUBLISHER_KEY)
                .partner("broker-loss-partner", "Broker loss partner", "all")
                .adminToken("broker-loss-admin-" + UUID.randomUUID())
                .applicationIdSuffix("broker-loss")
                .serviceSetting("topic.replication.factor", "3")
                .serviceSetting("topic.min.insync.replicas", "2")
                .serviceSetting("ingest.rate.limit.per.minute", "0")
                .serviceSetting("ingest.produce.timeout.ms", String.valueOf(PRODUCE_TIMEOUT_MS))
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {stack, admin, registry, cluster}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void oneLostBrokerLosesNothingAndTwoAreAnswered503NeverAFalse202() throws Exception {
        for (String topic : PIPELINE_TOPICS) {
            assertThat(describe(topic).partitions()).as("%s as the services created it", topic)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            assertThat(topicConfig(topic).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        SteadyPublisherLoad load = SteadyPublisherLoad.start(stack.ingestUrl(), PUBLISHER_KEY, run,
                Duration.ofMillis(50), 6);
        List<Outcome> outcomes;
        long cannotWriteFrom;
        long cannotWriteUntil;
        try {
            awaitAccepted(load, 10);

            // One broker lost: its leaderships move, two replicas remain, min.insync.replicas=2 is met.
            int lost = leaderOf(TopicCatalogue.ARTICLES_SUBMITTED);
            LOG.info("broker loss: stopping broker {} after {} accepted", lost, load.accepted());
            cluster.stopBroker(lost);
            awaitAccepted(load, load.accepted() + 20);
            LOG.info("broker loss: starting broker {} again after {} accepted", lost, load.accepted());
            cluster.startBroker(lost);
            awaitFullIsr();
            awaitAccepted(load, load.accepted() + 10);

            // Two brokers lost: one replica left, no write can meet min.insync.replicas=2.
            List<Integer> down = cluster.brokerIds().stream().filter(id -> id != lost).toList();
            LOG.info("broker loss: stopping brokers {} after {} accepted", down, load.accepted());
            CompletableFuture.allOf(down.stream().map(id -> CompletableFuture.runAsync(() -> cluster.stopBroker(id)))
                    .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            cannotWriteFrom = System.nanoTime();
            await("503 answers while two brokers are down").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> load.count(o -> o.startedNanos() > cannotWriteFrom && o.status() == 503) >= 2);
            await("ingest not ready while it cannot write").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200)).until(() -> readiness() == 503);
            cannotWriteUntil = System.nanoTime();
            LOG.info("broker loss: starting brokers {} again", down);
            down.forEach(cluster::startBroker);
            awaitAccepted(load, load.accepted() + 10);
        } finally {
            outcomes = load.stop();
        }

        Map<Integer, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status,
                Collectors.counting()));
        assertThat(byStatus.keySet()).as("ingest answers 202, or 503 while it cannot write; nothing else: %s",
                outcomes.stream().filter(o -> o.status() != 202 && o.status() != 503).limit(3).toList())
                .containsAnyOf(202).isSubsetOf(202, 503);
        List<Outcome> whileCannotWrite = outcomes.stream()
                .filter(o -> o.startedNanos() > cannotWriteFrom && o.endedNanos() < cannotWriteUntil).toList();
        assertThat(whileCannotWrite).as("asked while two of three brokers were down").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as("never a false 202: %s", o).isEqualTo(503));
        for (Outcome refused : outcomes.stream().filter(o -> o.status() == 503).toList()) {
            assertThat(refused.retryAfter().orElse("")).as("Retry-After of %s", refused.guid())
                    .matches("[1-9][0-9]*");
            assertThat(JSON.readTree(refused.body()).path("type").asText()).endsWith("kafka-unavailable");
        }

        // The publisher sends again what was answered 503, as Retry-After tells it to. A 503 may hide a write the
        // last replica appended before it learnt it was alone, which Kafka commits once the others are back (Kafka
        // cannot tell the producer); the retry is then the same version again, which enrich suppresses.
        // Once the cluster is whole again: a retry sent while a partition still has no leader is rightly a 503 again
        // (seen once in CI: the delivery timed out on a partition whose leader was not yet back).
        awaitFullIsr();
        List<Outcome> retried = new ArrayList<>();
        for (Outcome refused : outcomes.stream().filter(o -> o.status() == 503).toList()) {
            retried.add(load.postAgain(refused));
        }
        assertThat(retried).allSatisfy(o -> assertThat(o.accepted()).as("%s", o).isTrue());

        List<Outcome> acceptances = new ArrayList<>(outcomes.stream().filter(Outcome::accepted).toList());
        acceptances.addAll(retried);
        Set<String> accepted = acceptances.stream().map(Outcome::articleId).collect(Collectors.toSet());
        assertThat(accepted).as("one article per guid").hasSize(acceptances.size());
        Map<String, Integer> enriched = await("every accepted article on articles-enriched")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> DeliveredArticles.everyOnEnriched(cluster.bootstrapServers()),
                        counts -> DeliveredArticles.missing(accepted, counts) == 0);
        assertThat(DeliveredArticles.duplicated(enriched)).as("duplicated on articles-enriched").isZero();
        assertThat(enriched.keySet()).as("nothing on articles-enriched that was not accepted")
                .containsExactlyInAnyOrderElementsOf(accepted);
        Map<String, Integer> inFeed = await("every accepted article in the partner's feed")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> DeliveredArticles.inFeed(http, stack.feedUrl("json"), accepted),
                        counts -> DeliveredArticles.missing(accepted, counts) == 0);
        assertThat(DeliveredArticles.duplicated(inFeed)).as("duplicated in the feed").isZero();
        LOG.info("broker loss: {} articles accepted ({} of them after a 503 and a retry), each exactly once on "
                + "articles-enriched and in the feed; answers by status {}", accepted.size(), retried.size(), byStatus);
    }

    private static void awaitAccepted(SteadyPublisherLoad load, long atLeast) {
        await("%d articles accepted".formatted(atLeast)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> load.accepted() >= atLeast);
    }

    /** The broker leading most partitions of a topic. */
    private static int leaderOf(String topic) throws Exception {
        return describe(topic).partitions().stream().map(p -> p.leader().id())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Until every partition of the pipeline's topics has all three replicas in sync again. */
    private static void awaitFullIsr() {
        await("all replicas in sync").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    for (String topic : PIPELINE_TOPICS) {
                        for (TopicPartitionInfo partition : describe(topic).partitions()) {
                            if (partition.isr().size() < 3) {
                                return false;
                            }
                        }
                    }
                    return true;
                });
    }

    private static TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Objects.requireNonNull(admin.describeConfigs(List.of(resource)).all().get().get(resource));
    }

    private int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
