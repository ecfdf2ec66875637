package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Finds what became of replayed records. A replayed record carries the header {@value #REPLAY_HEADER}; enrich
 * passes headers on, so its enriched record carries it too. A record that fails again becomes a new dead letter
 * whose source is the replayed record's own position. And when the group that reads the target topic has
 * committed past the record with neither (exactly-once: the commit and the output are one transaction), it was
 * read and dropped. Both topics are read from just before the earliest replay asked about.
 */
public final class ReplayOutcomes {
    /** The header naming the dead letter a record replays. */
    public static final String REPLAY_HEADER = "newsflow-replay-of";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Record times are the producer's clock, the replay time the replayer's: allow for skew. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<DeadLetter> deadLetters;
    private final Function<TopicPartition, Long> committedByReader;

    /**
     * @param committedByReader the offset committed on a partition by the newsflow group that reads it (null when
     *                          none has), e.g. enrich's on articles-submitted
     */
    public ReplayOutcomes(KafkaConsumer<byte[], byte[]> consumer, Deserializer<DeadLetter> deadLetters,
                          Function<TopicPartition, Long> committedByReader) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.committedByReader = committedByReader;
    }

    /** The outcome of each replay, by dead-letter id, waiting up to {@code wait} for those not settled yet. */
    public Map<String, ReplayOutcome> find(List<DeadLetterReplay> replays, Duration wait) {
        Map<String, ReplayOutcome> outcomes = new HashMap<>();
        replays.forEach(replay -> outcomes.put(replay.getDeadLetterId(), ReplayOutcome.PENDING));
        if (replays.isEmpty()) {
            return outcomes;
        }
        Instant earliest = replays.stream().map(DeadLetterReplay::getReplayedAt).min(Instant::compareTo).orElseThrow();
        List<TopicPartition> partitions = partitions(TopicCatalogue.ARTICLES_ENRICHED,
                TopicCatalogue.ARTICLES_DEAD_LETTER);
        consumer.assign(partitions);
        seekTo(partitions, earliest.minus(CLOCK_MARGIN));
        Map<String, DeadLetterReplay> byTarget = new HashMap<>();
        replays.forEach(replay -> byTarget.put(target(replay.getTargetTopic(), replay.getTargetPartition(),
                replay.getTargetOffset()), replay));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            // Commits first: a commit seen here covers output that the scan below then finds.
            Map<String, Long> committed = new HashMap<>();
            for (DeadLetterReplay replay : replays) {
                committed.put(replay.getDeadLetterId(), committedByReader.apply(
                        new TopicPartition(replay.getTargetTopic(), replay.getTargetPartition())));
            }
            scanToEnd(partitions, outcomes, byTarget);
            for (DeadLetterReplay replay : replays) {
                Long offset = committed.get(replay.getDeadLetterId());
                if (!outcomes.get(replay.getDeadLetterId()).settled() && offset != null
                        && offset > replay.getTargetOffset()) {
                    outcomes.put(replay.getDeadLetterId(),
                            new ReplayOutcome(ReplayOutcome.Kind.PROCESSED_NO_OUTPUT, null, null));
                }
            }
            if (outcomes.values().stream().allMatch(ReplayOutcome::settled) || System.nanoTime() >= deadline) {
                return outcomes;
            }
            consumer.poll(POLL).forEach(record -> match(record, outcomes, byTarget));
        }
    }

    private void scanToEnd(List<TopicPartition> partitions, Map<String, ReplayOutcome> outcomes,
                           Map<String, DeadLetterReplay> byTarget) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(POLL).forEach(record -> match(record, outcomes, byTarget));
        }
    }

    private void match(ConsumerRecord<byte[], byte[]> record, Map<String, ReplayOutcome> outcomes,
                       Map<String, DeadLetterReplay> byTarget) {
        String where = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (record.topic().equals(TopicCatalogue.ARTICLES_ENRICHED)) {
            Header header = record.headers().lastHeader(REPLAY_HEADER);
            if (header != null) {
                String id = new String(header.value(), StandardCharsets.UTF_8);
                outcomes.computeIfPresent(id, (k, old) -> old.settled() ? old
                        : new ReplayOutcome(ReplayOutcome.Kind.ENRICHED, where, null));
            }
            return;
        }
        DeadLetter letter;
        try {
            letter = deadLetters.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return;
        }
        if (letter == null || letter.getSourceTopic() == null || letter.getSourceOffset() == null) {
            return;
        }
        DeadLetterReplay replay = byTarget.get(target(letter.getSourceTopic(), letter.getSourcePartition(),
                letter.getSourceOffset()));
        if (replay != null) {
            outcomes.computeIfPresent(replay.getDeadLetterId(), (k, old) -> old.kind() == ReplayOutcome.Kind.DEAD_AGAIN
                    ? old : new ReplayOutcome(ReplayOutcome.Kind.DEAD_AGAIN, where,
                    letter.getStage() + ": " + letter.getErrorMessage()));
        }
    }

    private void seekTo(List<TopicPartition> partitions, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = offsets.get(partition);
            consumer.seek(partition, at == null ? end.get(partition) : at.offset());
        }
    }

    private List<TopicPartition> partitions(String... topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.listTopics().get(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }

    private static String target(String topic, Integer partition, Long offset) {
        return topic + "/" + Objects.requireNonNullElse(partition, -1) + "/" + offset;
    }
}
