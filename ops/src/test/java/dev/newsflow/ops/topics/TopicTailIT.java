package dev.newsflow.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.OpsTestKitAccess;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code newsflow topics tail} against the real broker and registry: Avro decoded, poison shown, filters. */
class TopicTailIT {
    private static final String TOPIC = TestKafka.unique("tail");
    private static OpsTools tools;
    /**
     * Recent record times: records stamped in 1970 are past the topic's retention, and the broker deletes them
     * while the tests run (seen as tails that found nothing on a slow machine).
     */
    private static final long T0 = System.currentTimeMillis() - 60_000;

    @BeforeAll
    static void fill() throws Exception {
        OpsTestKitAccess.createTopic(TOPIC, 2);
        tools = new OpsTools(OpsTestKitAccess.config(Map.of()), Clock.systemUTC());
        var serializer = TopicCatalogue.create(Map.of("schema.registry.url", TestKafka.get().schemaRegistryUrl(),
                "auto.register.schemas", true)).partnerSubscriptions().valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            for (int i = 0; i < 6; i++) {
                PartnerSubscription partner = PartnerSubscription.newBuilder()
                        .setPartnerId("p" + i).setDisplayName("Partner " + i).setTokenHash("h" + i)
                        .setFeeds(List.of()).setEnabled(true).setUpdatedAt(java.time.Instant.ofEpochMilli(1000L + i))
                        .build();
                producer.send(new ProducerRecord<>(TOPIC, i % 2, T0 + i, ("p" + i).getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(TOPIC, partner))).get();
            }
            producer.send(new ProducerRecord<>(TOPIC, 0, T0 + 1000, "poison".getBytes(StandardCharsets.UTF_8),
                    "this is not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static List<ObjectNode> tail(TailRequest request) {
        List<ObjectNode> records = new CopyOnWriteArrayList<>();
        tools.tail(request, records::add, () -> false);
        return records;
    }

    @Test
    void fromTheBeginningEveryRecordIsDecodedThroughTheRegistryAndPoisonIsShownAsText() {
        List<ObjectNode> records = tail(new TailRequest(TOPIC, true, null, false, null, null, null));

        assertThat(records).hasSize(7);
        ObjectNode first = records.stream().filter(r -> r.path("key").asText().equals("p0")).findFirst().orElseThrow();
        assertThat(first.path("valueFormat").asText()).isEqualTo("avro");
        assertThat(first.path("value").path("displayName").asText()).isEqualTo("Partner 0");
        assertThat(first.path("partition").asInt()).isZero();
        ObjectNode poison = records.stream().filter(r -> r.path("key").asText().equals("poison")).findFirst()
                .orElseThrow();
        assertThat(poison.path("valueFormat").asText()).isEqualTo("text");
        assertThat(poison.path("value").asText()).isEqualTo("this is not avro");
    }

    @Test
    void maxStopsEarlyAndWithoutAStartTheLastRecordsComeInTimeOrder() {
        assertThat(tail(new TailRequest(TOPIC, true, 2, false, null, null, null))).hasSize(2);

        List<ObjectNode> last = tail(new TailRequest(TOPIC, false, 3, false, null, null, null));
        assertThat(last).extracting(r -> r.path("key").asText()).containsExactly("p4", "p5", "poison");
    }

    @Test
    void aKeyAPartitionAndAnOffsetNarrowWhatIsRead() {
        assertThat(tail(new TailRequest(TOPIC, true, null, false, "p3", null, null)))
                .extracting(r -> r.path("value").path("partnerId").asText()).containsExactly("p3");
        assertThat(tail(new TailRequest(TOPIC, false, null, false, "p3", null, null))).as("last, by key").hasSize(1);
        List<ObjectNode> fromOffset = tail(new TailRequest(TOPIC, false, null, false, null, 1, 1L));
        assertThat(fromOffset).extracting(r -> r.path("key").asText()).containsExactly("p3", "p5");
    }

    @Test
    void followPrintsWhatArrivesUntilMax() throws Exception {
        String topic = TestKafka.unique("follow");
        OpsTestKitAccess.createTopic(topic, 1);
        AtomicBoolean stopped = new AtomicBoolean();
        List<ObjectNode> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> following = CompletableFuture.supplyAsync(() -> tools.tail(
                new TailRequest(topic, false, 1, true, "late", null, null), seen::add, stopped::get));
        try (KafkaProducer<byte[], byte[]> producer = OpsTestKitAccess.producer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                producer.send(new ProducerRecord<>(topic, "late".getBytes(StandardCharsets.UTF_8),
                        "arrived later".getBytes(StandardCharsets.UTF_8))).get();
                return following.isDone();
            });
        } finally {
            stopped.set(true);
        }
        assertThat(following.get()).isEqualTo(1);
        assertThat(seen.get(0).path("value").asText()).isEqualTo("arrived later");
    }

    @Test
    void aTopicThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> tail(new TailRequest("no-such-topic", true, null, false, null, null, null)))
                .hasMessageContaining("topic no-such-topic does not exist");
        assertThatThrownBy(() -> tail(new TailRequest(TOPIC, true, null, false, null, 7, null)))
                .hasMessageContaining("has no partition 7");
    }
}
