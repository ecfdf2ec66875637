package dev.newsflow.ops.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {
    private static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    private static final Schema INNER = SchemaBuilder.record("Inner").fields().requiredString("name").endRecord();
    private static final Schema SCHEMA = SchemaBuilder.record("Everything").fields()
            .optionalString("maybe")
            .name("when").type(TIMESTAMP).noDefault()
            .requiredBytes("raw")
            .name("kind").type().enumeration("Kind").symbols("PUBLISH", "KILL").noDefault()
            .name("tags").type().array().items().stringType().noDefault()
            .name("scores").type().map().values().doubleType().noDefault()
            .name("inner").type().unionOf().nullType().and().type(INNER).endUnion().nullDefault()
            .requiredInt("count")
            .requiredBoolean("flag")
            .endRecord();

    @Test
    void unionsShowTheirValueBytesAreBase64AndTimestampsIso() {
        GenericRecord inner = new GenericData.Record(INNER);
        inner.put("name", "Kyiv");
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("maybe", "here");
        record.put("when", 1_765_000_000_000L);
        record.put("raw", ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));
        record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "KILL"));
        record.put("tags", List.of("a", "b"));
        record.put("scores", Map.of("medtop:11000000", 0.9));
        record.put("inner", inner);
        record.put("count", 3);
        record.put("flag", true);

        JsonNode json = AvroJson.toJson(record, SCHEMA);

        assertThat(json.path("maybe").asText()).isEqualTo("here");
        assertThat(json.path("when").asText()).isEqualTo("2025-12-06T05:46:40Z");
        assertThat(json.path("raw").asText()).isEqualTo("aGk=");
        assertThat(json.path("kind").asText()).isEqualTo("KILL");
        assertThat(json.path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(json.path("scores").path("medtop:11000000").asDouble()).isEqualTo(0.9);
        assertThat(json.path("inner").path("name").asText()).isEqualTo("Kyiv");
        assertThat(json.path("count").asInt()).isEqualTo(3);
        assertThat(json.path("flag").asBoolean()).isTrue();
    }

    @Test
    void anAbsentUnionValueIsNull() {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("when", 0L);
        record.put("raw", ByteBuffer.allocate(0));
        record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "PUBLISH"));
        record.put("tags", List.of());
        record.put("scores", Map.of());
        record.put("count", 0);
        record.put("flag", false);

        JsonNode json = AvroJson.toJson(record, SCHEMA);

        assertThat(json.path("maybe").isNull()).isTrue();
        assertThat(json.path("inner").isNull()).isTrue();
        assertThat(json.path("when").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }
}
