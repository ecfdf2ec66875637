package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.RegisteredSchema;
import dev.newsflow.schemas.registry.RestSchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryException;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import dev.newsflow.schemas.serde.ConfluentAvroDeserializer;
import dev.newsflow.schemas.serde.ConfluentAvroSerializer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The REST client and the serde against the real (embedded) registry over HTTP. */
class SerdeAgainstEmbeddedRegistryIT {
    private final String url = TestKafka.get().schemaRegistryUrl();
    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(url);

    private static DeadLetter deadLetter(String message) {
        return DeadLetter.newBuilder().setService("test").setStage("serde").setErrorClass("X")
                .setErrorMessage(message).setFailedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
    }

    private static Schema personV(int fields) {
        StringBuilder json = new StringBuilder("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}");
        for (int i = 2; i <= fields; i++) {
            json.append(",{\"name\":\"f").append(i).append("\",\"type\":\"int\",\"default\":0}");
        }
        return new Schema.Parser().parse(json.append("]}").toString());
    }

    @Test
    void theRestClientCoversRegisterLookupVersionsConfigAndCompatibility() {
        String subject = TestKafka.unique("client") + "-value";
        int id1 = client.register(subject, personV(1));
        int id2 = client.register(subject, personV(2));
        assertThat(client.register(subject, personV(1))).isEqualTo(id1);
        assertThat(client.versions(subject)).containsExactly(1, 2);
        assertThat(client.getById(id2)).isEqualTo(personV(2));
        RegisteredSchema latest = client.getLatest(subject);
        assertThat(latest).isEqualTo(new RegisteredSchema(subject, 2, id2, personV(2)));
        assertThat(client.getVersion(subject, 1)).isEqualTo(new RegisteredSchema(subject, 1, id1, personV(1)));
        assertThat(client.lookup(subject, personV(2)).version()).isEqualTo(2);
        assertThat(client.subjects()).contains(subject);

        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        client.setCompatibility(subject, CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

        Schema incompatible = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"b\",\"type\":\"long\"}]}");
        assertThat(client.incompatibilities(subject, incompatible)).isNotEmpty()
                .anySatisfy(m -> assertThat(m).contains("'b'"));
        assertThat(client.incompatibilities(subject, personV(3))).isEmpty();
        assertThat(client.incompatibilities(TestKafka.unique("new-subject"), incompatible)).isEmpty();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
        assertThatThrownBy(() -> client.getById(999_999))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
    }

    @Test
    void withoutAutoRegisterTheSerializerLooksUpWhatWasRegisteredAndReadsBack() {
        String topic = TestKafka.unique("lookup");
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        assertThatThrownBy(() -> serializer.serialize(topic, deadLetter("x")))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic + "-value");

        int id = client.register(topic + "-value", DeadLetter.getClassSchema());
        byte[] bytes = serializer.serialize(topic, deadLetter("y"));
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        ConfluentAvroDeserializer<DeadLetter> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(config, false);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(deadLetter("y"));
    }

    @Test
    void useLatestVersionAndRecordNameStrategyWorkAgainstTheRegistry() {
        String topic = TestKafka.unique("latest");
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        String subject = topic + "-dev.newsflow.schema.DeadLetter";
        int id = client.register(subject, DeadLetter.getClassSchema());
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        assertThat(ByteBuffer.wrap(serializer.serialize(topic, deadLetter("z")), 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsASerializationExceptionNamingTheId() {
        ConfluentAvroDeserializer<DeadLetter> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
        byte[] unknown = ByteBuffer.allocate(7).put((byte) 0).putInt(777_777).put((byte) 2).put((byte) 0).array();
        assertThatThrownBy(() -> deserializer.deserialize("t", unknown))
                .isInstanceOf(SerializationException.class).hasMessageContaining("777777")
                .hasMessageContaining("40403");
    }
}
