package dev.newsflow.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.registry.RestSchemaRegistryClient;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records cross between Confluent's Avro serializer (Python, {@code confluent_kafka.avro}) and
 * ours, in both directions, through the in-JVM broker and the embedded registry; and
 * {@code kcat} (librdkafka, no Avro) shows the raw framing of one of our records.
 */
class ConfluentPythonSerdeInteropIT {
    private static final int COUNT = 3;
    private final TestKafka kafka = TestKafka.get();
    private final TopicCatalogue catalogue = TopicCatalogue.create(Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.schemaRegistryUrl(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
    private final TopicSpec<String, DeadLetter> deadLetters = catalogue.articlesDeadLetter();

    private static DeadLetter written(int i) {
        return DeadLetter.newBuilder().setService("java").setStage("interop-" + i).setErrorClass("IllegalStateException")
                .setErrorMessage("écrit en Java — " + i).setSourceTopic("articles-submitted").setSourcePartition(i)
                .setSourceOffset(10L * i).setFailedAt(Instant.ofEpochMilli(1_767_323_045_678L + i))
                .setValue(ByteBuffer.wrap(new byte[] {(byte) i, (byte) 0xfe})).build();
    }

    private List<byte[]> produceWithOurSerializer(String topic) throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, deadLetters.keySerde().serializer(),
                deadLetters.valueSerde().serializer())) {
            for (int i = 0; i < COUNT; i++) {
                producer.send(new ProducerRecord<>(topic, "article-" + i, written(i))).get();
                bytes.add(deadLetters.valueSerde().serializer().serialize(topic, written(i)));
            }
        }
        return bytes;
    }

    @Test
    void confluentsSerializerWritesRecordsOurDeserializerReads(@TempDir Path dir) throws Exception {
        ExternalTools.requireConfluentPython();
        String topic = TestKafka.unique("from-python");
        Path schemaFile = Files.writeString(dir.resolve("DeadLetter.avsc"), DeadLetter.getClassSchema().toString());

        ExternalTools.Run run = ExternalTools.run(Duration.ofSeconds(120), ExternalTools.PYTHON,
                ExternalTools.resource("avro_produce.py").toString(), kafka.bootstrapServers(),
                kafka.schemaRegistryUrl(), topic, schemaFile.toString(), String.valueOf(COUNT));
        assertThat(run.exitCode()).as(run.describe()).isZero();

        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, TestKafka.unique("from-python"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, DeadLetter>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, deadLetters.keySerde().deserializer(),
                deadLetters.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= COUNT;
            });
        }
        assertThat(received).hasSize(COUNT);
        int registeredByPython = new RestSchemaRegistryClient(kafka.schemaRegistryUrl())
                .getLatest(topic + "-value").id();
        for (int i = 0; i < COUNT; i++) {
            DeadLetter read = received.get(i).value();
            assertThat(read.getService()).isEqualTo("python");
            assertThat(read.getStage()).isEqualTo("interop-" + i);
            assertThat(read.getErrorMessage()).isEqualTo("café — record " + i);
            assertThat(read.getSourcePartition()).isEqualTo(i);
            assertThat(read.getSourceOffset()).isEqualTo(1000L + i);
            assertThat(read.getFailedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
            assertThat(read.getKey()).isNull();
            assertThat(read.getValue()).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}));
        }
        assertThat(registeredByPython).as("Confluent's serializer registered under <topic>-value").isPositive();
    }

    @Test
    void ourSerializerWritesRecordsConfluentsDeserializerReads() throws Exception {
        ExternalTools.requireConfluentPython();
        String topic = TestKafka.unique("to-python");
        produceWithOurSerializer(topic);

        ExternalTools.Run run = ExternalTools.run(Duration.ofSeconds(120), ExternalTools.PYTHON,
                ExternalTools.resource("avro_consume.py").toString(), kafka.bootstrapServers(),
                kafka.schemaRegistryUrl(), topic, String.valueOf(COUNT));
        assertThat(run.exitCode()).as(run.describe()).isZero();

        ObjectMapper json = new ObjectMapper();
        List<String> lines = run.stdoutLines();
        assertThat(lines).hasSize(COUNT);
        Map<String, JsonNode> byKey = new HashMap<>();
        for (String line : lines) {
            JsonNode record = json.readTree(line);
            byKey.put(record.get("key").asText(), record.get("value"));
        }
        for (int i = 0; i < COUNT; i++) {
            JsonNode value = byKey.get("article-" + i);
            assertThat(value).as("article-" + i).isNotNull();
            assertThat(value.get("service").asText()).isEqualTo("java");
            assertThat(value.get("stage").asText()).isEqualTo("interop-" + i);
            assertThat(value.get("errorMessage").asText()).isEqualTo("écrit en Java — " + i);
            assertThat(value.get("sourcePartition").asInt()).isEqualTo(i);
            assertThat(value.get("sourceOffset").asLong()).isEqualTo(10L * i);
            assertThat(value.get("failedAt").asLong()).isEqualTo(1_767_323_045_678L + i);
            assertThat(value.get("value").asText()).isEqualTo(String.format("%02xfe", i));
            assertThat(value.get("key").isNull()).isTrue();
        }
    }

    @Test
    void kcatSeesMagicByteZeroThenTheBigEndianSchemaIdThenOurBody() throws Exception {
        ExternalTools.requireKcat();
        String topic = TestKafka.unique("raw");
        List<byte[]> ours = produceWithOurSerializer(topic);
        int id = new RestSchemaRegistryClient(kafka.schemaRegistryUrl())
                .lookup(topic + "-value", DeadLetter.getClassSchema()).id();

        ExternalTools.Run run = ExternalTools.run(Duration.ofSeconds(60), "kcat", "-b", kafka.bootstrapServers(),
                "-C", "-t", topic, "-p", "0", "-o", "beginning", "-c", "1", "-e", "-q", "-f", "%s");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        byte[] raw = run.stdout();
        assertThat(raw.length).as(run.describe()).isGreaterThan(5);
        assertThat(raw[0]).as("magic byte").isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).as("big-endian schema id").isEqualTo(id);
        assertThat(new byte[][] {raw}).as("the whole value is one our serializer wrote")
                .satisfiesAnyOf(r -> assertThat(r[0]).isEqualTo(ours.get(0)),
                        r -> assertThat(r[0]).isEqualTo(ours.get(1)),
                        r -> assertThat(r[0]).isEqualTo(ours.get(2)));
    }
}
