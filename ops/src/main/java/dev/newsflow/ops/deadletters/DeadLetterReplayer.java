package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schemas.topics.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays dead letters: each one's original key and value bytes go back to the partition of the source topic they
 * came from, with the header {@value ReplayOutcomes#REPLAY_HEADER} naming the dead letter, and an entry for it goes
 * to the compacted {@code dead-letter-replays} ledger, both in one transaction. The ledger is read after the
 * producer has taken its transactional id: a second replayer with the same id fences the first (whose commit
 * then fails), and either sees the other's committed entries. So a dead letter is replayed at most once, across
 * processes and restarts, and a replay is never recorded without its record (nor the other way round).
 */
public final class DeadLetterReplayer {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplayer.class);

    private final Supplier<Producer<byte[], byte[]>> transactionalProducer;
    private final Supplier<Map<String, DeadLetterReplay>> ledger;
    private final TopicSpec<String, DeadLetterReplay> ledgerTopic;
    private final Clock clock;

    /**
     * @param transactionalProducer a new producer with the replay transactional id (closed after each replay)
     * @param ledger                reads the ledger as committed now
     */
    public DeadLetterReplayer(Supplier<Producer<byte[], byte[]>> transactionalProducer,
                              Supplier<Map<String, DeadLetterReplay>> ledger,
                              TopicSpec<String, DeadLetterReplay> ledgerTopic, Clock clock) {
        this.transactionalProducer = transactionalProducer;
        this.ledger = ledger;
        this.ledgerTopic = ledgerTopic;
        this.clock = clock;
    }

    /**
     * Replays the dead letters (each reported, in order); {@code dryRun} only says what would happen. Outcomes are
     * left pending: {@link ReplayOutcomes} finds them.
     */
    public List<ReplayResult> replay(List<DeadLetterEntry> deadLetters, boolean dryRun, String replayedBy) {
        List<ReplayResult> results = new ArrayList<>();
        if (dryRun) {
            Map<String, DeadLetterReplay> done = ledger.get();
            for (DeadLetterEntry entry : deadLetters) {
                results.add(precheck(entry, done, ReplayResult.Status.WOULD_REPLAY));
            }
            return results;
        }
        try (Producer<byte[], byte[]> producer = transactionalProducer.get()) {
            producer.initTransactions();
            Map<String, DeadLetterReplay> done = ledger.get();
            boolean fenced = false;
            for (DeadLetterEntry entry : deadLetters) {
                ReplayResult checked = precheck(entry, done, ReplayResult.Status.REPLAYED);
                if (checked.status() != ReplayResult.Status.REPLAYED) {
                    results.add(checked);
                } else if (fenced) {
                    results.add(failed(entry, "another replay took over (this one was fenced); run it again"));
                } else {
                    try {
                        DeadLetterReplay replay = replayOne(producer, entry, replayedBy);
                        done.put(replay.getDeadLetterId(), replay);
                        results.add(new ReplayResult(entry.id().toString(), ReplayResult.Status.REPLAYED, null,
                                replay, ReplayOutcome.PENDING));
                    } catch (ProducerFencedException e) {
                        fenced = true;
                        results.add(failed(entry, "another replay took over (this one was fenced); run it again"));
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof ProducerFencedException) {
                            fenced = true;
                            results.add(failed(entry, "another replay took over (this one was fenced); run it again"));
                        } else {
                            abortQuietly(producer);
                            LOG.warn("replay of {} failed", entry.id(), e);
                            results.add(failed(entry, rootMessage(e)));
                        }
                    } catch (KafkaException e) {
                        abortQuietly(producer);
                        LOG.warn("replay of {} failed", entry.id(), e);
                        results.add(failed(entry, rootMessage(e)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
        return results;
    }

    private ReplayResult precheck(DeadLetterEntry entry, Map<String, DeadLetterReplay> done,
                                  ReplayResult.Status ifReplayable) {
        String id = entry.id().toString();
        DeadLetterReplay earlier = done.get(id);
        if (earlier != null) {
            return new ReplayResult(id, ReplayResult.Status.ALREADY_REPLAYED, "replayed at " + earlier.getReplayedAt()
                    + " by " + earlier.getReplayedBy(), earlier, ReplayOutcome.PENDING);
        }
        String why = entry.notReplayableBecause();
        if (why != null) {
            return new ReplayResult(id, ReplayResult.Status.NOT_REPLAYABLE, why, null, null);
        }
        return new ReplayResult(id, ifReplayable, null, null, null);
    }

    private DeadLetterReplay replayOne(Producer<byte[], byte[]> producer, DeadLetterEntry entry, String replayedBy)
            throws ExecutionException, InterruptedException {
        producer.beginTransaction();
        RecordHeaders headers = new RecordHeaders();
        headers.add(ReplayOutcomes.REPLAY_HEADER, entry.id().toString().getBytes(StandardCharsets.UTF_8));
        RecordMetadata written = producer.send(new ProducerRecord<>(entry.sourceTopic(), entry.sourcePartition(),
                null, entry.originalKey(), entry.originalValue(), headers)).get();
        DeadLetterReplay replay = DeadLetterReplay.newBuilder()
                .setDeadLetterId(entry.id().toString())
                .setService(entry.service())
                .setStage(entry.stage())
                .setTargetTopic(written.topic())
                .setTargetPartition(written.partition())
                .setTargetOffset(written.offset())
                .setReplayedAt(clock.instant())
                .setReplayedBy(replayedBy)
                .build();
        byte[] key = replay.getDeadLetterId().getBytes(StandardCharsets.UTF_8);
        byte[] value = ledgerTopic.valueSerde().serializer().serialize(ledgerTopic.name(), replay);
        producer.send(new ProducerRecord<>(ledgerTopic.name(), key, value));
        producer.commitTransaction();
        LOG.debug("replayed {} to {}/{}/{}", entry.id(), written.topic(), written.partition(), written.offset());
        return replay;
    }

    private static ReplayResult failed(DeadLetterEntry entry, String why) {
        return new ReplayResult(entry.id().toString(), ReplayResult.Status.FAILED, why, null, null);
    }

    private static void abortQuietly(Producer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.debug("abort after a failed replay also failed", e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current.getClass().getSimpleName() + ": " + current.getMessage();
    }
}
