package dev.newsflow.ingest;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads everything on {@code articles-submitted} of the shared test broker, for assertions. */
public final class SubmittedTopic {
    private SubmittedTopic() {
    }

    public static List<ConsumerRecord<String, ArticleSubmitted>> readAll() {
        TestKafka kafka = TestKafka.get();
        Map<String, Object> serde = new HashMap<>();
        serde.put("schema.registry.url", kafka.schemaRegistryUrl());
        TopicSpec<String, ArticleSubmitted> topic = TopicCatalogue.create(serde).articlesSubmitted();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, ArticleSubmitted>> records = new ArrayList<>();
        try (KafkaConsumer<String, ArticleSubmitted> consumer = new KafkaConsumer<>(config,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The values written for one publisher, in offset order per partition. */
    public static List<ArticleSubmitted> forPublisher(String publisherId) {
        return readAll().stream().map(ConsumerRecord::value).filter(v -> v.getPublisherId().equals(publisherId)).toList();
    }
}
