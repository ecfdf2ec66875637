package dev.newsflow.ops.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.serde.ConfluentAvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private static final String REGISTRY = "mock://record-decoder-test";
    private final RecordDecoder decoder = new RecordDecoder(SchemaRegistryClients.forUrl(REGISTRY));

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("newsflow-replay-of", "articles-dead-letter/0/3".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("articles-dead-letter", 1, 42, 1_765_000_000_000L, TimestampType.CREATE_TIME,
                0, 0, key, value, headers, java.util.Optional.empty());
    }

    private static byte[] deadLetterBytes() {
        try (ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", REGISTRY, "auto.register.schemas", true), false);
            return serializer.serialize("articles-dead-letter", DeadLetter.newBuilder()
                    .setService("enrich").setStage("deserialization").setSourceTopic("articles-submitted")
                    .setSourcePartition(0).setSourceOffset(7L).setErrorClass("E").setErrorMessage("why")
                    .setFailedAt(Instant.parse("2026-12-07T10:00:00Z"))
                    .setKey(ByteBuffer.wrap("a1".getBytes(StandardCharsets.UTF_8)))
                    .setValue(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0x01})).build());
        }
    }

    @Test
    void aConfluentFramedValueIsDecodedWithItsSchemaFromTheRegistry() {
        ObjectNode json = decoder.decode(record("a1".getBytes(StandardCharsets.UTF_8), deadLetterBytes()));

        assertThat(json.path("topic").asText()).isEqualTo("articles-dead-letter");
        assertThat(json.path("partition").asInt()).isEqualTo(1);
        assertThat(json.path("offset").asLong()).isEqualTo(42);
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-12-06T05:46:40Z");
        assertThat(json.path("key").asText()).isEqualTo("a1");
        assertThat(json.path("headers").path("newsflow-replay-of").asText()).isEqualTo("articles-dead-letter/0/3");
        assertThat(json.path("valueFormat").asText()).isEqualTo("avro");
        assertThat(json.path("schemaId").asInt()).isPositive();
        assertThat(json.path("value").path("stage").asText()).isEqualTo("deserialization");
        assertThat(json.path("value").path("sourceOffset").asLong()).isEqualTo(7);
        assertThat(json.path("value").path("failedAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(json.path("value").path("value").asText()).as("bytes as base64").isEqualTo("/wE=");
    }

    @Test
    void aValueThatIsNotAvroIsShownAsTextOrBase64() {
        ObjectNode text = decoder.decode(record(null, "this is not avro".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.path("valueFormat").asText()).isEqualTo("text");
        assertThat(text.path("value").asText()).isEqualTo("this is not avro");
        assertThat(text.path("key").isNull()).isTrue();

        ObjectNode binary = decoder.decode(record(null, new byte[] {(byte) 0xc3, 0x28, 0x01}));
        assertThat(binary.path("valueFormat").asText()).isEqualTo("base64");
        assertThat(binary.path("value").asText()).isEqualTo("wygB");
    }

    @Test
    void framingWithAnUnknownSchemaIdSaysSoAndKeepsTheBytes() {
        byte[] framed = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3};
        ObjectNode json = decoder.decode(record(null, framed));
        assertThat(json.path("valueFormat").asText()).isEqualTo("base64");
        assertThat(json.path("schemaId").asInt()).isEqualTo(0x7f7f);
        assertThat(json.path("valueError").asText()).contains("does not decode");
        assertThat(json.path("value").asText()).isEqualTo("AAAAf38BAgM=");
    }

    @Test
    void aNullValueIsATombstone() {
        ObjectNode json = decoder.decode(record("k".getBytes(StandardCharsets.UTF_8), null));
        assertThat(json.path("valueFormat").asText()).isEqualTo("null");
        assertThat(json.path("value").isNull()).isTrue();
    }
}
