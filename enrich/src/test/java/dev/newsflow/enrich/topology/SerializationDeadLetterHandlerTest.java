package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.registry.SchemaRegistryException;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class SerializationDeadLetterHandlerTest {
    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://handler-" + UUID.randomUUID(),
            "auto.register.schemas", true,
            SerializationDeadLetterHandler.CLOCK_CONFIG, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SerializationDeadLetterHandler handler = new SerializationDeadLetterHandler();
    private final byte[] sourceKey = "a-1".getBytes(StandardCharsets.UTF_8);
    private final byte[] sourceValue = {0, 0, 0, 0, 1, 42};

    SerializationDeadLetterHandlerTest() {
        handler.configure(config);
    }

    @Test
    void recordThatDoesNotSerializeBecomesADeadLetterAndProcessingResumes() {
        Response response = handler.handleSerializationError(context(), new ProducerRecord<>("articles-dead-letter",
                "a-1", "value"), new SerializationException("bad field"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("articles-dead-letter");
            assertThat(record.key()).isEqualTo(sourceKey);
            DeadLetter letter = TopicCatalogue.create(config).articlesDeadLetter().valueSerde().deserializer()
                    .deserialize("articles-dead-letter", record.value());
            assertThat(letter.getStage()).isEqualTo("serialization");
            assertThat(letter.getSourceTopic()).isEqualTo("articles-submitted");
            assertThat(letter.getSourcePartition()).isEqualTo(1);
            assertThat(letter.getSourceOffset()).isEqualTo(7L);
            assertThat(letter.getErrorMessage()).contains("bad field");
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(sourceValue));
            assertThat(letter.getFailedAt()).as("stamped by the service's clock").isEqualTo(NOW);
        });
    }

    @Test
    void registryFailureFailsTheTaskInsteadOfDeadLettering() {
        Exception registryDown = new SerializationException("could not get a schema id",
                new SchemaRegistryException("connection refused", null));

        Response response = handler.handleSerializationError(context(), new ProducerRecord<>("articles-enriched",
                "a-1", "value"), registryDown, SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "articles-submitted";
            }

            @Override
            public int partition() {
                return 1;
            }

            @Override
            public long offset() {
                return 7;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "dead-letter-sink";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 1);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return sourceKey;
            }

            @Override
            public byte[] sourceRawValue() {
                return sourceValue;
            }
        };
    }
}
