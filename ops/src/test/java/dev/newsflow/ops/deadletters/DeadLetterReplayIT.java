package dev.newsflow.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.OpsTestKitAccess;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.platform.kafka.TopicBootstrap;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.testing.TestKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays on the real broker: the original bytes go back to their partition with the header, once only (also
 * when two replayers race), the ledger says so, and outcomes are found where enrich would leave them.
 */
class DeadLetterReplayIT {
    private static final String ENRICH_GROUP = TestKafka.unique("enrich-group");
    private static TopicCatalogue catalogue;
    private static OpsConfig config;

    @BeforeAll
    static void topics() {
        config = OpsTestKitAccess.config(Map.of(OpsConfig.OWNED_GROUPS, ENRICH_GROUP));
        catalogue = TopicCatalogue.create(config.serdeConfig());
        new TopicBootstrap(config.kafkaClientConfig(), 2, (short) 1, 1).ensure(List.of(catalogue.articlesSubmitted(),
                catalogue.articlesEnriched(), catalogue.articlesDeadLetter()));
    }

    private static OpsTools tools() {
        return new OpsTools(config, Clock.systemUTC());
    }

    /** A record on articles-submitted that "failed", and its dead letter; returns the dead letter's id. */
    private static DeadLetterId deadLetter(String stage, int partition, String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            byte[] key = TestKafka.unique("article").getBytes(StandardCharsets.UTF_8);
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            RecordMetadata source = producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_SUBMITTED, partition,
                    key, bytes)).get();
            DeadLetter letter = DeadLetter.newBuilder().setService("enrich").setStage(stage)
                    .setSourceTopic(source.topic()).setSourcePartition(source.partition())
                    .setSourceOffset(source.offset()).setErrorClass("org.apache.kafka.common.errors.SerializationException")
                    .setErrorMessage("SerializationException: not Avro").setFailedAt(Instant.now())
                    .setKey(ByteBuffer.wrap(key)).setValue(ByteBuffer.wrap(bytes)).build();
            RecordMetadata written = producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_DEAD_LETTER, key,
                    catalogue.articlesDeadLetter().valueSerde().serializer()
                            .serialize(TopicCatalogue.ARTICLES_DEAD_LETTER, letter))).get();
            return new DeadLetterId(written.partition(), written.offset());
        }
    }

    /** Records on articles-submitted that carry the replay header naming {@code id}. */
    private static List<ConsumerRecord<byte[], byte[]>> replaysOf(DeadLetterId id) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TopicCatalogue.ARTICLES_SUBMITTED, 0),
                    new TopicPartition(TopicCatalogue.ARTICLES_SUBMITTED, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(ReplayOutcomes.REPLAY_HEADER);
                    if (header != null && id.toString().equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theOriginalBytesGoBackToTheirPartitionOnceWithTheHeader() throws Exception {
        DeadLetterId id = deadLetter("deserialization", 1, "poison once");
        try (OpsTools tools = tools()) {
            List<ReplayResult> first = tools.replayIds(List.of(id), false, "test", Duration.ZERO);
            assertThat(first).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ReplayResult.Status.REPLAYED);
                assertThat(r.target()).startsWith("articles-submitted/1/");
            });
            List<ReplayResult> second = tools.replayIds(List.of(id), false, "test", Duration.ZERO);
            assertThat(second).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ReplayResult.Status.ALREADY_REPLAYED);
                assertThat(r.target()).isEqualTo(first.get(0).target());
                assertThat(r.detail()).contains("by test");
            });
            assertThat(tools.replays()).containsKey(id.toString());
        }
        List<ConsumerRecord<byte[], byte[]>> replayed = replaysOf(id);
        assertThat(replayed).singleElement().satisfies(record -> {
            assertThat(record.partition()).isEqualTo(1);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("poison once");
        });
    }

    @Test
    void twoReplayersRacingForOneDeadLetterWriteItOnce() throws Exception {
        DeadLetterId id = deadLetter("deserialization", 0, "raced");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<List<ReplayResult>>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String who = "racer-" + i;
            racers.add(CompletableFuture.supplyAsync(() -> {
                try (OpsTools tools = tools()) {
                    start.await();
                    return tools.replayIds(List.of(id), false, who, Duration.ZERO);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<ReplayResult.Status> statuses = new ArrayList<>();
        for (CompletableFuture<List<ReplayResult>> racer : racers) {
            statuses.add(racer.get().get(0).status());
        }
        assertThat(statuses).containsOnlyOnce(ReplayResult.Status.REPLAYED);
        assertThat(replaysOf(id)).hasSize(1);
    }

    @Test
    void outcomesAreFoundWhereEnrichLeavesThem() throws Exception {
        DeadLetterId enriched = deadLetter("deserialization", 0, "will enrich");
        DeadLetterId deadAgain = deadLetter("deserialization", 0, "will fail again");
        DeadLetterId dropped = deadLetter("deserialization", 1, "will be dropped");
        List<ReplayResult> results;
        try (OpsTools tools = tools()) {
            results = tools.replayIds(List.of(enriched, deadAgain, dropped), false, "test", Duration.ZERO);
        }
        assertThat(results).allMatch(r -> r.status() == ReplayResult.Status.REPLAYED);
        assertThat(results).allMatch(r -> !r.outcome().settled());

        // What enrich would do: enrich one (passing its headers on), dead-letter one, drop one (commit past it).
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ReplayOutcomes.REPLAY_HEADER, enriched.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_ENRICHED, 0, null, "k".getBytes(),
                    "enriched".getBytes(), headers)).get();
            ReplayResult second = results.get(1);
            DeadLetter again = DeadLetter.newBuilder().setService("enrich").setStage("validation")
                    .setSourceTopic(second.replay().getTargetTopic())
                    .setSourcePartition(second.replay().getTargetPartition())
                    .setSourceOffset(second.replay().getTargetOffset()).setErrorClass("E")
                    .setErrorMessage("headline is empty").setFailedAt(Instant.now()).build();
            producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_DEAD_LETTER, "k".getBytes(), catalogue
                    .articlesDeadLetter().valueSerde().serializer().serialize(TopicCatalogue.ARTICLES_DEAD_LETTER,
                            again))).get();
        }
        ReplayResult third = results.get(2);
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, ENRICH_GROUP), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            group.commitSync(Map.of(new TopicPartition(TopicCatalogue.ARTICLES_SUBMITTED,
                    third.replay().getTargetPartition()), new OffsetAndMetadata(third.replay().getTargetOffset() + 1)),
                    Duration.ofSeconds(30));
        }

        List<ReplayResult> settled;
        try (OpsTools tools = tools()) {
            settled = tools.withOutcomes(results, Duration.ofSeconds(30));
        }
        assertThat(settled.get(0).outcome().kind()).isEqualTo(ReplayOutcome.Kind.ENRICHED);
        assertThat(settled.get(0).outcome().where()).startsWith("articles-enriched/0/");
        assertThat(settled.get(1).outcome().kind()).isEqualTo(ReplayOutcome.Kind.DEAD_AGAIN);
        assertThat(settled.get(1).outcome().reason()).isEqualTo("validation: headline is empty");
        assertThat(settled.get(2).outcome().kind()).isEqualTo(ReplayOutcome.Kind.PROCESSED_NO_OUTPUT);
    }

    @Test
    void aDryRunWritesNothingAndWhatCannotBeReplayedSaysWhy() throws Exception {
        String stage = TestKafka.unique("stage");
        DeadLetterId candidate = deadLetter(stage, 0, "dry");
        DeadLetterId webhook;
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            DeadLetter suspended = DeadLetter.newBuilder().setService("syndicate").setStage(stage)
                    .setErrorClass("WebhookSuspended").setErrorMessage("suspended").setFailedAt(Instant.now())
                    .setValue(ByteBuffer.wrap("{}".getBytes())).build();
            RecordMetadata written = producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_DEAD_LETTER,
                    "acme".getBytes(), catalogue.articlesDeadLetter().valueSerde().serializer()
                    .serialize(TopicCatalogue.ARTICLES_DEAD_LETTER, suspended))).get();
            webhook = new DeadLetterId(written.partition(), written.offset());
        }
        try (OpsTools tools = tools()) {
            List<ReplayResult> dry = tools.replayMatching(new DeadLetterFilter(null, stage, null, Set.of()), true,
                    "test", Duration.ZERO);
            assertThat(dry).extracting(ReplayResult::id, ReplayResult::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(candidate.toString(), ReplayResult.Status.WOULD_REPLAY),
                    org.assertj.core.groups.Tuple.tuple(webhook.toString(), ReplayResult.Status.NOT_REPLAYABLE));
            assertThat(replaysOf(candidate)).isEmpty();

            List<ReplayResult> missing = tools.replayIds(List.of(new DeadLetterId(0, 1_000_000)), false, "test",
                    Duration.ZERO);
            assertThat(missing).singleElement().extracting(ReplayResult::status)
                    .isEqualTo(ReplayResult.Status.NOT_FOUND);

            List<DeadLetterEntry> listed = tools.deadLetters(new DeadLetterFilter(null, stage, null, Set.of()));
            assertThat(listed).extracting(e -> e.id().toString())
                    .containsExactlyInAnyOrder(candidate.toString(), webhook.toString());
            assertThat(Arrays.asList(listed.get(0).originalValue())).isNotEmpty();
        }
    }
}
