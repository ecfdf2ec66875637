package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The compacted {@code dead-letter-replays} topic read into memory: which dead letters were replayed, when, and
 * where their records went. Read committed, so a replay whose transaction was aborted (or fenced) never counts.
 */
public final class ReplayLedger {
    private static final Duration POLL = Duration.ofMillis(200);

    private ReplayLedger() {
    }

    /** Every replay so far, by dead-letter id; empty when nothing was ever replayed (the topic may not exist yet). */
    public static Map<String, DeadLetterReplay> read(KafkaConsumer<byte[], byte[]> consumer,
                                                     Deserializer<DeadLetterReplay> deserializer) {
        List<PartitionInfo> infos = consumer.listTopics().get(TopicCatalogue.DEAD_LETTER_REPLAYS);
        Map<String, DeadLetterReplay> replays = new HashMap<>();
        if (infos == null || infos.isEmpty()) {
            return replays;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    DeadLetterReplay replay = deserializer.deserialize(record.topic(), record.headers(), record.value());
                    replays.put(replay.getDeadLetterId(), replay);
                }
            }
        }
        return replays;
    }
}
