package dev.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serde against the {@code mock://} registry: wire format, config names, strategies, resolution, errors. */
class ConfluentAvroSerdeTest {
    private final String scope = "serde-" + UUID.randomUUID();
    private final String url = "mock://" + scope;
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(url);

    @AfterEach
    void forgetScope() {
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setService("enrich").setStage("cleanup").setErrorClass("IllegalStateException")
                .setErrorMessage("no body").setSourceTopic("articles-submitted").setSourcePartition(3)
                .setSourceOffset(42L).setFailedAt(Instant.ofEpochMilli(1_700_000_000_123L)).build();
    }

    private Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private <T> ConfluentAvroDeserializer<T> specificReader() {
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }

    @Test
    void writesMagicByteThenTheBigEndianIdThenTheAvroBodyAndReadsItBack() {
        ConfluentAvroSerde<DeadLetter> serde = ConfluentAvroSerde.forValues(config());
        byte[] bytes = serde.serializer().serialize("articles-dead-letter", deadLetter());

        int id = registry.lookup("articles-dead-letter-value", DeadLetter.getClassSchema()).id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(serde.deserializer().deserialize("articles-dead-letter", bytes)).isEqualTo(deadLetter());
    }

    @Test
    void withoutSpecificReaderTheRecordComesBackGenericInTheWritersSchema() {
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(), false);
        ConfluentAvroDeserializer<GenericRecord> generic = new ConfluentAvroDeserializer<>();
        generic.configure(config(), false);
        GenericRecord read = generic.deserialize("t", serializer.serialize("t", deadLetter()));
        assertThat(read).isNotInstanceOf(DeadLetter.class);
        assertThat(read.get("errorMessage").toString()).isEqualTo("no body");
        assertThat(read.get("failedAt")).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void aProjectionReadsOnlyTheFieldsItNamesFromWhateverSchemaWroteTheRecord() {
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(), false);
        ConfluentAvroDeserializer<GenericRecord> projecting =
                ConfluentAvroDeserializer.projecting(DeadLetter.getClassSchema(), registry, "stage", "sourceOffset");

        GenericRecord read = projecting.deserialize("dl", serializer.serialize("dl", deadLetter()));
        assertThat(read.getSchema().getFields()).extracting(Schema.Field::name)
                .containsExactly("stage", "sourceOffset");
        assertThat(read.get("stage").toString()).isEqualTo("cleanup");
        assertThat(read.get("sourceOffset")).isEqualTo(42L);

        GenericRecord old = olderDeadLetterRecord();
        ConfluentAvroSerializer<GenericRecord> oldWriter = genericWriter();
        GenericRecord fromOld = projecting.deserialize("dl-old", oldWriter.serialize("dl-old", old));
        assertThat(fromOld.get("stage").toString()).isEqualTo("parse");
        assertThat(fromOld.get("sourceOffset")).as("default of a field the writer did not know").isNull();

        assertThatThrownBy(() -> ConfluentAvroDeserializer.projecting(DeadLetter.getClassSchema(), registry, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void subjectNameStrategiesAcceptSimpleAndConfluentClassNames() {
        serializeWith(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicNameStrategy", false);
        serializeWith(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy", false);
        serializeWith(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", false);
        serializeWith(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicNameStrategy", true);
        assertThat(registry.subjects()).containsExactlyInAnyOrder("topic-a-value", "dev.newsflow.schema.DeadLetter",
                "topic-a-dev.newsflow.schema.DeadLetter", "topic-a-key");

        assertThatThrownBy(() -> new AvroSerdeConfig(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "com.example.MyStrategy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("com.example.MyStrategy");
    }

    private void serializeWith(String key, String strategy, boolean isKey) {
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(key, strategy), isKey);
        serializer.serialize("topic-a", deadLetter());
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsNamingTheSubjectAndARegisteredOneIsLookedUp() {
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        assertThatThrownBy(() -> serializer.serialize("dl", deadLetter()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'dl-value'").hasMessageContaining("40401");

        int id = registry.register("dl-value", DeadLetter.getClassSchema());
        byte[] bytes = serializer.serialize("dl", deadLetter());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.versions("dl-value")).containsExactly(1);
    }

    @Test
    void wrongMagicByteTooShortAndUnknownIdAreSerializationExceptionsSayingWhy() {
        ConfluentAvroDeserializer<DeadLetter> deserializer = specificReader();
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte")
                .hasMessageContaining("0x01");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("3 bytes").hasMessageContaining("short");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0x30, 0x39, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 12345")
                .hasMessageContaining("40403");

        ConfluentAvroSerde<DeadLetter> serde = ConfluentAvroSerde.forValues(config());
        byte[] good = serde.serializer().serialize("t", deadLetter());
        byte[] truncated = java.util.Arrays.copyOf(good, 8);
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("could not decode");
    }

    /** DeadLetter as it might have been before the optional source fields were added. */
    static Schema olderDeadLetter() {
        return SchemaBuilder.record("DeadLetter").namespace("dev.newsflow.schema").fields()
                .requiredString("service").requiredString("stage").requiredString("errorClass")
                .requiredString("errorMessage")
                .name("failedAt").type(org.apache.avro.LogicalTypes.timestampMillis()
                        .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .endRecord();
    }

    /** A dead letter as the older schema wrote it: without the source fields today's schema adds. */
    private static GenericRecord olderDeadLetterRecord() {
        GenericRecord old = new GenericData.Record(olderDeadLetter());
        old.put("service", "ingest");
        old.put("stage", "parse");
        old.put("errorClass", "X");
        old.put("errorMessage", "bad");
        old.put("failedAt", 1_600_000_000_000L);
        return old;
    }

    private ConfluentAvroSerializer<GenericRecord> genericWriter() {
        ConfluentAvroSerializer<GenericRecord> writer = new ConfluentAvroSerializer<>();
        writer.configure(config(), false);
        return writer;
    }

    @Test
    void recordsWrittenWithAnOlderOrNewerCompatibleSchemaReadIntoTodaysClass() {
        GenericRecord old = olderDeadLetterRecord();
        ConfluentAvroSerializer<GenericRecord> oldWriter = genericWriter();
        DeadLetter fromOld = this.<DeadLetter>specificReader().deserialize("dl", oldWriter.serialize("dl", old));
        assertThat(fromOld.getService()).isEqualTo("ingest");
        assertThat(fromOld.getFailedAt()).isEqualTo(Instant.ofEpochMilli(1_600_000_000_000L));
        assertThat(fromOld.getSourceTopic()).as("default of a field the writer did not know").isNull();

        Schema newer = SchemaBuilder.record("DeadLetter").namespace("dev.newsflow.schema").fields()
                .requiredString("service").requiredString("stage").requiredString("errorClass")
                .requiredString("errorMessage")
                .name("failedAt").type(org.apache.avro.LogicalTypes.timestampMillis()
                        .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .name("retries").type().intType().intDefault(0)
                .endRecord();
        GenericRecord next = new GenericData.Record(newer);
        old.getSchema().getFields().forEach(f -> next.put(f.name(), old.get(f.name())));
        next.put("retries", 7);
        InMemorySchemaRegistryClient.forScope(scope)
                .setCompatibility("dl-value", dev.newsflow.schemas.registry.CompatibilityLevel.NONE);
        DeadLetter fromNewer = this.<DeadLetter>specificReader().deserialize("dl", oldWriter.serialize("dl", next));
        assertThat(fromNewer.getErrorMessage()).isEqualTo("bad");
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaAndItsId() {
        Schema older = olderDeadLetter();
        registry.register("dl-value", older);
        int latestId = registry.register("dl-value", DeadLetter.getClassSchema());

        ConfluentAvroSerializer<GenericRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        GenericRecord old = new GenericData.Record(older);
        old.put("service", "ingest");
        old.put("stage", "parse");
        old.put("errorClass", "X");
        old.put("errorMessage", "bad");
        old.put("failedAt", 1L);
        byte[] bytes = serializer.serialize("dl", old);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        DeadLetter read = this.<DeadLetter>specificReader().deserialize("dl", bytes);
        assertThat(read.getErrorMessage()).isEqualTo("bad");
        assertThat(read.getSourceOffset()).isNull();
    }

    @Test
    void useLatestVersionRefusesARecordTheLatestSchemaCannotRepresent() {
        registry.register("dl-value", DeadLetter.getClassSchema());
        Schema unrelated = SchemaBuilder.record("DeadLetter").namespace("dev.newsflow.schema").fields()
                .requiredInt("service").endRecord();
        GenericRecord record = new GenericData.Record(unrelated);
        record.put("service", 1);
        ConfluentAvroSerializer<GenericRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        assertThatThrownBy(() -> serializer.serialize("dl", record))
                .isInstanceOf(SerializationException.class).hasMessageContaining("latest.compatibility.strict");
    }

    @Test
    void theRegistryIsAskedOncePerSchemaAndOncePerId() {
        CountingRegistry counting = new CountingRegistry(InMemorySchemaRegistryClient.forScope(scope));
        ConfluentAvroSerializer<DeadLetter> serializer = new ConfluentAvroSerializer<>(
                new dev.newsflow.schemas.registry.CachingSchemaRegistryClient(counting), Map.of(), false);
        ConfluentAvroDeserializer<DeadLetter> deserializer = new ConfluentAvroDeserializer<>(counting,
                Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        for (int i = 0; i < 5; i++) {
            assertThat(deserializer.deserialize("c", serializer.serialize("c", deadLetter()))).isEqualTo(deadLetter());
        }
        assertThat(counting.registrations).isEqualTo(1);
        assertThat(counting.byIdCalls).isEqualTo(1);
    }

    @Test
    void nullsStayNull() {
        ConfluentAvroSerde<DeadLetter> serde = ConfluentAvroSerde.forValues(config());
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
