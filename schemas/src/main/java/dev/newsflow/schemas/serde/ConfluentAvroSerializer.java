package dev.newsflow.schemas.serde;

import dev.newsflow.schemas.registry.RegisteredSchema;
import dev.newsflow.schemas.registry.SchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format, wire-compatible with Confluent's
 * {@code KafkaAvroSerializer} and configured with the same property names.
 */
public class ConfluentAvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private SubjectNameStrategy subjectNames;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private long latestTtlMillis;
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();

    private record CachedLatest(RegisteredSchema schema, long fetchedAt) {
    }

    public ConfluentAvroSerializer() {
    }

    /** For callers that already hold a client (tests, the schema tool). */
    public ConfluentAvroSerializer(SchemaRegistryClient registry, Map<String, ?> config, boolean isKey) {
        configure(config, isKey, registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        configure(configs, isKey, SchemaRegistryClients.forUrl(config.registryUrl()));
    }

    private void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient client) {
        AvroSerdeConfig config = new AvroSerdeConfig(withDefaultUrl(configs));
        this.registry = client;
        this.isKey = isKey;
        this.subjectNames = config.subjectNameStrategy(isKey);
        this.autoRegister = config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        this.useLatestVersion = config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION);
        long ttl = config.getLong(AvroSerdeConfig.LATEST_CACHE_TTL_SEC);
        this.latestTtlMillis = ttl < 0 ? Long.MAX_VALUE : ttl * 1000;
    }

    static Map<String, ?> withDefaultUrl(Map<String, ?> configs) {
        if (configs.containsKey(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
            return configs;
        }
        Map<String, Object> copy = new java.util.HashMap<>(configs);
        copy.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://unused");
        return copy;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("serializer used before configure()");
        }
        Schema schema = record.getSchema();
        String subject = subjectNames.subject(topic, isKey, schema);
        try {
            Schema writerSchema = schema;
            int id;
            if (useLatestVersion) {
                RegisteredSchema latest = latest(subject);
                writerSchema = latest.schema();
                id = latest.id();
            } else if (autoRegister) {
                id = registry.register(subject, schema);
            } else {
                id = idBySubjectAndSchema.computeIfAbsent(subject + '\u0000' + schema,
                        k -> registry.lookup(subject, schema).id());
            }
            return encode(id, writerSchema, record);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("could not get a schema id for subject " + subject + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not serialize " + schema.getFullName() + " for topic " + topic, e);
        }
    }

    private RegisteredSchema latest(String subject) {
        long now = System.currentTimeMillis();
        CachedLatest cached = latestBySubject.get(subject);
        if (cached == null || now - cached.fetchedAt() > latestTtlMillis) {
            cached = new CachedLatest(registry.getLatest(subject), now);
            latestBySubject.put(subject, cached);
        }
        return cached.schema();
    }

    private byte[] encode(int id, Schema writerSchema, T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writerFor(writerSchema, record).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<T> writerFor(Schema schema, T record) {
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema);
        }
        return new GenericDatumWriter<T>(schema);
    }
}
