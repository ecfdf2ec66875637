package dev.newsflow.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;

/** Records of the {@code _schemas} topic: Confluent's layout, stable key bytes, unknown kinds ignored. */
class SchemaLogCodecTest {
    private final SchemaLogCodec codec = new SchemaLogCodec();

    private SchemaLogRecord roundTrip(SchemaLogRecord record) {
        SchemaLogCodec.Encoded encoded = codec.encode(record);
        return codec.decode(encoded.key(), encoded.value());
    }

    @Test
    void everyRecordKindSurvivesTheTopic() {
        StoredSchema schema = new StoredSchema("s-value", 3, 42, "\"string\"", true);
        assertThat(roundTrip(new SchemaLogRecord.SchemaVersion(schema)))
                .isEqualTo(new SchemaLogRecord.SchemaVersion(schema));
        assertThat(roundTrip(new SchemaLogRecord.SchemaVersionRemoved("s-value", 3)))
                .isEqualTo(new SchemaLogRecord.SchemaVersionRemoved("s-value", 3));
        assertThat(roundTrip(new SchemaLogRecord.ConfigSet(null, CompatibilityLevel.FULL_TRANSITIVE)))
                .isEqualTo(new SchemaLogRecord.ConfigSet(null, CompatibilityLevel.FULL_TRANSITIVE));
        assertThat(roundTrip(new SchemaLogRecord.ConfigRemoved("s-value")))
                .isEqualTo(new SchemaLogRecord.ConfigRemoved("s-value"));
        assertThat(roundTrip(new SchemaLogRecord.IdFloor(99))).isEqualTo(new SchemaLogRecord.IdFloor(99));
    }

    @Test
    void keysAreConfluentsLayoutAndTheSameKeyIsAlwaysTheSameBytesSoCompactionKeepsTheLatest() {
        SchemaLogCodec.Encoded live = codec.encode(new SchemaLogRecord.SchemaVersion(
                new StoredSchema("s", 1, 1, "\"int\"", false)));
        SchemaLogCodec.Encoded softDeleted = codec.encode(new SchemaLogRecord.SchemaVersion(
                new StoredSchema("s", 1, 1, "\"int\"", true)));
        SchemaLogCodec.Encoded tombstone = codec.encode(new SchemaLogRecord.SchemaVersionRemoved("s", 1));
        assertThat(new String(live.key(), UTF_8)).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}");
        assertThat(softDeleted.key()).isEqualTo(live.key());
        assertThat(tombstone.key()).isEqualTo(live.key());
        assertThat(tombstone.value()).isNull();
        assertThat(new String(codec.encode(new SchemaLogRecord.ConfigSet(null, CompatibilityLevel.NONE)).key(), UTF_8))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void recordsWrittenByConfluentsRegistryAreReadAndKindsItAloneUsesAreIgnored() {
        byte[] key = "{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"c-value\",\"version\":2}".getBytes(UTF_8);
        byte[] value = ("{\"subject\":\"c-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"long\\\"\","
                + "\"deleted\":false,\"ts\":1700000000000}").getBytes(UTF_8);
        assertThat(codec.decode(key, value)).isEqualTo(new SchemaLogRecord.SchemaVersion(
                new StoredSchema("c-value", 2, 7, "\"long\"", false)));
        assertThat(codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(UTF_8), null))
                .isInstanceOf(SchemaLogRecord.Ignored.class);
        assertThat(codec.decode(key, ("{\"subject\":\"c-value\",\"version\":2,\"id\":7,\"schemaType\":\"PROTOBUF\","
                + "\"schema\":\"syntax = \\\"proto3\\\";\"}").getBytes(UTF_8)))
                .isInstanceOf(SchemaLogRecord.Ignored.class);
    }
}
