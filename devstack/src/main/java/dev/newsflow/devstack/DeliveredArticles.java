package dev.newsflow.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where accepted articles ended up, counted the way a partner would see them: how often each article id appears on
 * {@code articles-enriched} (read_committed, so an aborted transaction's output does not count) and on every page
 * of a partner's JSON feed. The crash and broker-loss runs judge "lost" (0) and "duplicated" (more than 1) by these.
 */
public final class DeliveredArticles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_PREFIX = "urn:newsflow:article:";

    private DeliveredArticles() {
    }

    /** Every committed record of articles-enriched, from the start: how often each of {@code ids} appears. */
    public static Map<String, Integer> onEnriched(String bootstrapServers, Set<String> ids) {
        return onEnriched(bootstrapServers, ids::contains);
    }

    /** As {@link #onEnriched(String, Set)}, for every article id on the topic. */
    public static Map<String, Integer> everyOnEnriched(String bootstrapServers) {
        return onEnriched(bootstrapServers, id -> true);
    }

    private static Map<String, Integer> onEnriched(String bootstrapServers, Predicate<String> counted) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalogue.ARTICLES_ENRICHED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, so an open transaction is not waited for.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && counted.test(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /**
     * Every page of a partner's JSON feed, following {@code next_url}: how often each of {@code ids} appears. A page
     * that does not answer 200 ends the count (what was counted so far is returned).
     */
    public static Map<String, Integer> inFeed(HttpClient http, String firstPage, Set<String> ids)
            throws IOException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        String page = firstPage;
        for (int pages = 0; page != null && pages < 100_000; pages++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(page))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return counts;
            }
            JsonNode feed = JSON.readTree(response.body());
            for (JsonNode item : feed.path("items")) {
                String id = item.path("id").asText();
                id = id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length()) : id;
                if (ids.contains(id)) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
            page = feed.hasNonNull("next_url") ? feed.get("next_url").asText() : null;
        }
        return counts;
    }

    /** How many of {@code ids} were not counted at all. */
    public static int missing(Set<String> ids, Map<String, Integer> counts) {
        return (int) ids.stream().filter(id -> !counts.containsKey(id)).count();
    }

    /** How many ids were counted more than once. */
    public static int duplicated(Map<String, Integer> counts) {
        return (int) counts.values().stream().filter(n -> n > 1).count();
    }
}
