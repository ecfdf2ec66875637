package dev.newsflow.ops;

import dev.newsflow.ops.deadletters.DeadLetterEntry;
import dev.newsflow.ops.deadletters.DeadLetterFilter;
import dev.newsflow.ops.deadletters.DeadLetterId;
import dev.newsflow.ops.deadletters.DeadLetterLog;
import dev.newsflow.ops.deadletters.DeadLetterReplayer;
import dev.newsflow.ops.deadletters.ReplayLedger;
import dev.newsflow.ops.deadletters.ReplayOutcome;
import dev.newsflow.ops.deadletters.ReplayOutcomes;
import dev.newsflow.ops.deadletters.ReplayResult;
import dev.newsflow.ops.decode.RecordDecoder;
import dev.newsflow.ops.lag.ConsumerLag;
import dev.newsflow.ops.lag.GroupLag;
import dev.newsflow.ops.lag.LagReport;
import dev.newsflow.ops.lag.OwnedGroups;
import dev.newsflow.ops.lag.PartitionLag;
import dev.newsflow.ops.topics.TailRequest;
import dev.newsflow.ops.topics.TopicTail;
import dev.newsflow.platform.kafka.TopicBootstrap;
import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.topics.TopicCatalogue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ops tools on one cluster, for the command line and the ops page alike: tail a topic decoded, report lag,
 * list dead letters and replay them (reporting what became of each). Clients are opened per call and closed
 * after, so a tool holds nothing between calls but the admin client.
 */
public final class OpsTools implements AutoCloseable {
    private final OpsConfig config;
    private final OpsClients clients;
    private final TopicCatalogue catalogue;
    private final Admin admin;
    private final Clock clock;

    public OpsTools(OpsConfig config, Clock clock) {
        this.config = config;
        this.clients = new OpsClients(config);
        this.catalogue = TopicCatalogue.create(config.serdeConfig());
        this.admin = clients.admin();
        this.clock = clock;
    }

    public OpsConfig config() {
        return config;
    }

    /** Prints the records the request selects, decoded; returns how many. */
    public long tail(TailRequest request, Consumer<ObjectNode> out, BooleanSupplier stopped) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.lookingConsumer("tail")) {
            return new TopicTail(consumer, decoder()).run(request, out, stopped);
        }
    }

    public RecordDecoder decoder() {
        return new RecordDecoder(SchemaRegistryClients.forUrl(config.schemaRegistryUrl()));
    }

    public LagReport lag() {
        return new ConsumerLag(admin, new OwnedGroups(config.ownedGroups()), config.requestTimeout()).report();
    }

    public List<DeadLetterEntry> deadLetters(DeadLetterFilter filter) {
        try (DeadLetterLog log = deadLetterLog()) {
            return log.readAll(filter);
        }
    }

    /** A dead-letter reader kept open by its caller (the ops page reads what is new every few seconds). */
    public DeadLetterLog deadLetterLog() {
        return new DeadLetterLog(clients.lookingConsumer("dead-letters"),
                catalogue.articlesDeadLetter().valueSerde().deserializer());
    }

    /** Every replay so far, by dead-letter id. */
    public Map<String, DeadLetterReplay> replays() {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.lookingConsumer("replay-ledger")) {
            return ReplayLedger.read(consumer, catalogue.deadLetterReplays().valueSerde().deserializer());
        }
    }

    /** Replays the dead letters with these ids; an id the topic does not hold is reported as not found. */
    public List<ReplayResult> replayIds(List<DeadLetterId> ids, boolean dryRun, String replayedBy, Duration wait) {
        List<DeadLetterEntry> found = new ArrayList<>();
        List<ReplayResult> missing = new ArrayList<>();
        try (DeadLetterLog log = deadLetterLog()) {
            for (DeadLetterId id : ids) {
                Optional<DeadLetterEntry> entry = log.read(id);
                if (entry.isPresent()) {
                    found.add(entry.get());
                } else {
                    missing.add(new ReplayResult(id.toString(), ReplayResult.Status.NOT_FOUND,
                            "the dead-letter topic holds no record at " + id, null, null));
                }
            }
        }
        List<ReplayResult> results = new ArrayList<>(replay(found, dryRun, replayedBy, wait));
        results.addAll(missing);
        return results;
    }

    /** Replays what the filter selects from the dead-letter topic. */
    public List<ReplayResult> replayMatching(DeadLetterFilter filter, boolean dryRun, String replayedBy,
                                             Duration wait) {
        return replay(deadLetters(filter), dryRun, replayedBy, wait);
    }

    private List<ReplayResult> replay(List<DeadLetterEntry> entries, boolean dryRun, String replayedBy,
                                      Duration wait) {
        if (!dryRun && !entries.isEmpty()) {
            new TopicBootstrap(config.kafkaClientConfig(), config.topicPartitions(), config.topicReplicationFactor(),
                    config.topicMinInsyncReplicas()).ensure(List.of(catalogue.deadLetterReplays()));
        }
        DeadLetterReplayer replayer = new DeadLetterReplayer(this::transactionalProducer, this::replays,
                catalogue.deadLetterReplays(), clock);
        List<ReplayResult> results = replayer.replay(entries, dryRun, replayedBy);
        return dryRun ? results : withOutcomes(results, wait);
    }

    /** The results with what became of each replayed record, waiting up to {@code wait} for it. */
    public List<ReplayResult> withOutcomes(List<ReplayResult> results, Duration wait) {
        List<DeadLetterReplay> replays = new ArrayList<>();
        results.stream().filter(r -> r.replay() != null).forEach(r -> replays.add(r.replay()));
        Map<String, ReplayOutcome> outcomes = outcomes(replays, wait);
        List<ReplayResult> settled = new ArrayList<>();
        for (ReplayResult result : results) {
            settled.add(result.replay() == null ? result : new ReplayResult(result.id(), result.status(),
                    result.detail(), result.replay(), outcomes.getOrDefault(result.id(), ReplayOutcome.PENDING)));
        }
        return settled;
    }

    /** What became of replayed records, by dead-letter id, waiting up to {@code wait} for those not settled. */
    public Map<String, ReplayOutcome> outcomes(List<DeadLetterReplay> replays, Duration wait) {
        if (replays.isEmpty()) {
            return Map.of();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = clients.lookingConsumer("replay-outcomes")) {
            return new ReplayOutcomes(consumer, catalogue.articlesDeadLetter().valueSerde().deserializer(),
                    this::committedByOwnedGroup).find(replays, wait);
        }
    }

    /** The highest offset a newsflow group has committed on the partition, or null. */
    private Long committedByOwnedGroup(TopicPartition partition) {
        Long highest = null;
        for (GroupLag group : lag().groups()) {
            if (!group.owned()) {
                continue;
            }
            for (PartitionLag lag : group.partitions()) {
                if (lag.topic().equals(partition.topic()) && lag.partition() == partition.partition()
                        && lag.committed() != null && (highest == null || lag.committed() > highest)) {
                    highest = lag.committed();
                }
            }
        }
        return highest;
    }

    private Producer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> settings = new HashMap<>(config.kafkaClientConfig());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ops-replay");
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.replayTransactionalId());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.max(30_000, config.requestTimeout().toMillis()));
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
