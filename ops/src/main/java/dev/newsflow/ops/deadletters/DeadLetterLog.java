package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code articles-dead-letter}: all of it up to its current end, one dead letter by id, or (for the ops
 * page) what arrived since the last call. A dead letter is filtered by when it failed, not by its record time
 * (enrich keeps the failed record's own timestamp), so listing scans the topic; it holds what could not be
 * processed, which stays small when the pipeline is healthy.
 */
public final class DeadLetterLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterLog.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<DeadLetter> deserializer;
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    public DeadLetterLog(KafkaConsumer<byte[], byte[]> consumer, Deserializer<DeadLetter> deserializer) {
        this.consumer = consumer;
        this.deserializer = deserializer;
    }

    /** Every dead letter the filter selects, oldest failure first. */
    public List<DeadLetterEntry> readAll(DeadLetterFilter filter) {
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            return List.of();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<DeadLetterEntry> entries = new ArrayList<>();
        readToEnd(partitions, entry -> {
            if (filter.test(entry)) {
                entries.add(entry);
            }
        });
        entries.sort(Comparator.comparing(DeadLetterEntry::failedAt).thenComparing(e -> e.id().toString()));
        return entries;
    }

    /** The dead letter with this id, if the topic still holds it. */
    public Optional<DeadLetterEntry> read(DeadLetterId id) {
        TopicPartition partition = new TopicPartition(TopicCatalogue.ARTICLES_DEAD_LETTER, id.partition());
        if (!partitions().contains(partition)) {
            return Optional.empty();
        }
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (id.offset() >= end) {
            return Optional.empty();
        }
        consumer.seek(partition, id.offset());
        while (consumer.position(partition) <= id.offset()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() == id.offset()) {
                    return Optional.of(entry(record));
                }
                if (record.offset() > id.offset()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** What arrived since the previous call (the first call reads from the beginning), oldest first. */
    public List<DeadLetterEntry> readNew() {
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            return List.of();
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, positions.getOrDefault(partition, 0L));
        }
        List<DeadLetterEntry> entries = new ArrayList<>();
        readToEnd(partitions, entries::add);
        for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
        }
        entries.sort(Comparator.comparing(DeadLetterEntry::failedAt));
        return entries;
    }

    private void readToEnd(List<TopicPartition> partitions, java.util.function.Consumer<DeadLetterEntry> sink) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(entry(record));
                }
            }
        }
    }

    /** A record of the dead-letter topic that does not decode is shown as such, not skipped: nothing is hidden. */
    private DeadLetterEntry entry(ConsumerRecord<byte[], byte[]> record) {
        DeadLetterId id = new DeadLetterId(record.partition(), record.offset());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            return DeadLetterEntry.of(id, key, deserializer.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("dead letter {} does not decode: {}", id, e.toString());
            return new DeadLetterEntry(id, key, Instant.ofEpochMilli(record.timestamp()), "?", "(undecodable)",
                    e.getClass().getName(), "the dead letter itself does not decode: " + e.getMessage(), null, null,
                    null, record.key(), record.value());
        }
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.listTopics().get(TopicCatalogue.ARTICLES_DEAD_LETTER);
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
