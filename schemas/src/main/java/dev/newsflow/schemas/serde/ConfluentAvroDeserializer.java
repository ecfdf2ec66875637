package dev.newsflow.schemas.serde;

import dev.newsflow.schemas.registry.SchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by the id in
 * the header (cached per id) and is resolved against the reader's: the generated class when
 * {@code specific.avro.reader} is on, so records written with an older or newer compatible
 * schema read into today's class (defaults filled in, unknown fields skipped); otherwise the
 * writer's own schema, into a {@code GenericRecord}; or, {@link #projecting projecting}, a reader
 * schema of a few of the writer's fields, which are all that is decoded (the rest are skipped
 * unread). Every failure is a {@link SerializationException} saying what was wrong (magic byte,
 * length, unknown id, body).
 */
public class ConfluentAvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient registry;
    private boolean specificReader;
    private Schema projection;
    private final Map<Integer, DatumReader<?>> readersById = new ConcurrentHashMap<>();

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> config) {
        configure(ConfluentAvroSerializer.withDefaultUrl(config), registry);
    }

    /**
     * A deserializer that reads only {@code fields} of records of {@code full}'s type, into
     * {@code GenericRecord}s of those fields: for a reader that needs an article's id and version,
     * not its text, entities and topics. Every writer's schema must carry the fields (or give them defaults).
     */
    public static ConfluentAvroDeserializer<GenericRecord> projecting(Schema full, SchemaRegistryClient registry,
                                                                      String... fields) {
        List<Schema.Field> kept = new ArrayList<>();
        for (String name : fields) {
            Schema.Field field = full.getField(name);
            if (field == null) {
                throw new IllegalArgumentException(full.getFullName() + " has no field " + name);
            }
            kept.add(new Schema.Field(field, field.schema()));
        }
        ConfluentAvroDeserializer<GenericRecord> deserializer =
                new ConfluentAvroDeserializer<>(registry, Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, false));
        // Resolution matches records by full name, so the projection keeps the type's name.
        deserializer.projection = Schema.createRecord(full.getName(), null, full.getNamespace(), false, kept);
        return deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        configure(configs, SchemaRegistryClients.forUrl(config.registryUrl()));
    }

    private void configure(Map<String, ?> configs, SchemaRegistryClient client) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.registry = client;
        this.specificReader = config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("deserializer used before configure()");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(topic, buffer);
        DatumReader<?> reader;
        try {
            reader = readersById.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("record on topic " + topic + " names schema id " + id
                    + ", which the schema registry cannot give: " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
            return (T) reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not decode the Avro body of a record on topic " + topic
                    + " with schema id " + id + " (" + data.length + " bytes): " + e, e);
        }
    }

    private DatumReader<?> readerFor(int id) {
        Schema writer = registry.getById(id);
        if (projection != null) {
            return new GenericDatumReader<>(writer, projection);
        }
        if (!specificReader) {
            return new GenericDatumReader<>(writer);
        }
        Class<?> generated = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (generated == null) {
            throw new SerializationException("schema id " + id + " is " + writer.getFullName()
                    + ", which has no generated class on the classpath, but specific.avro.reader is on");
        }
        SpecificData data = SpecificData.getForClass(generated);
        return new SpecificDatumReader<>(writer, data.getSchema(generated), data);
    }
}
