package dev.newsflow.schemas.serde;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.RegisteredSchema;
import dev.newsflow.schemas.registry.SchemaCompatibilityChecker;
import dev.newsflow.schemas.registry.SchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format (magic byte 0, the schema id as a 4-byte
 * big-endian int, the Avro binary body), wire-compatible with Confluent's
 * {@code KafkaAvroSerializer} and configured with the same property names (see
 * {@link AvroSerdeConfig}). How the id is found follows Confluent's order: register when
 * {@code auto.register.schemas} is on; else the latest version when {@code use.latest.version}
 * is on; else look the record's own schema up under the subject.
 */
public class ConfluentAvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private SubjectNameStrategy subjectNames;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private boolean latestStrict;
    private long latestTtlMillis;
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Schema, Map<Schema, Boolean>> latestCanRead = new ConcurrentHashMap<>();
    private static final byte[] NO_HEADER = {};

    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();

    private record CachedLatest(RegisteredSchema schema, long fetchedAt) {
    }

    public ConfluentAvroSerializer() {
    }

    /** For callers that already hold a client (tests, the schema tool). */
    public ConfluentAvroSerializer(SchemaRegistryClient registry, Map<String, ?> config, boolean isKey) {
        configure(withDefaultUrl(config), isKey, registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        configure(configs, isKey, SchemaRegistryClients.forUrl(config.registryUrl()));
    }

    private void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient client) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.registry = client;
        this.isKey = isKey;
        this.subjectNames = config.subjectNameStrategy(isKey);
        this.autoRegister = config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        this.useLatestVersion = config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION);
        this.latestStrict = config.getBoolean(AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT);
        long ttl = config.getLong(AvroSerdeConfig.LATEST_CACHE_TTL_SEC);
        this.latestTtlMillis = ttl < 0 ? Long.MAX_VALUE : ttl * 1000;
    }

    /** A client given directly needs no URL; the config class still wants one. */
    static Map<String, ?> withDefaultUrl(Map<String, ?> configs) {
        if (configs.containsKey(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
            return configs;
        }
        Map<String, Object> copy = new HashMap<>(configs);
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
            if (autoRegister) {
                return encode(registry.register(subject, schema), schema, record);
            }
            if (useLatestVersion) {
                RegisteredSchema latest = latest(subject);
                return encode(latest.id(), latest.schema(), convertTo(latest, subject, record));
            }
            int id = idBySubjectAndSchema.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(schema, s -> registry.lookup(subject, schema).id());
            return encode(id, schema, record);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("could not get a schema id for subject '" + subject + "' ("
                    + howFound() + "): " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException) {
                throw (SerializationException) e;
            }
            throw new SerializationException("could not serialize " + schema.getFullName() + " for topic " + topic
                    + ": " + e, e);
        }
    }

    private String howFound() {
        if (autoRegister) {
            return "auto.register.schemas=true: registering";
        }
        return useLatestVersion ? "use.latest.version=true: latest version"
                : "auto.register.schemas=false: looking the schema up; register it first";
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

    /**
     * The record as the latest schema sees it. Writing a record with another schema than its
     * own would misplace fields, so when they differ the record is resolved into the latest
     * schema the way a reader would (defaults filled in, removed fields dropped) and written
     * from that.
     */
    @SuppressWarnings("unchecked")
    private T convertTo(RegisteredSchema latest, String subject, T record) throws IOException {
        Schema own = record.getSchema();
        if (own.equals(latest.schema())) {
            return record;
        }
        if (latestStrict && !latestCanRead.computeIfAbsent(latest.schema(), l -> new ConcurrentHashMap<>())
                .computeIfAbsent(own, o -> SchemaCompatibilityChecker.isCompatible(
                        CompatibilityLevel.BACKWARD, latest.schema(), List.of(own)))) {
            throw new SerializationException("the latest schema of subject '" + subject + "' (id " + latest.id()
                    + ") cannot represent a " + own.getFullName() + " written with the object's own schema; "
                    + "set " + AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT + "=false to write anyway");
        }
        byte[] ownBinary = BufferedAvroEncoding.encode(NO_HEADER, writerFor(own, record), record);
        GenericDatumReader<Object> resolver = new GenericDatumReader<>(own, latest.schema());
        return (T) resolver.read(null, DecoderFactory.get().binaryDecoder(ownBinary, null));
    }

    private byte[] encode(int id, Schema writerSchema, T record) throws IOException {
        return BufferedAvroEncoding.encode(BufferedAvroEncoding.wireFormatHeader(id), writerFor(writerSchema, record),
                record);
    }

    private DatumWriter<T> writerFor(Schema schema, T record) {
        if (record instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(schema,
                    s -> BufferedAvroEncoding.specificWriter(record.getClass(), s));
        }
        return new GenericDatumWriter<>(schema);
    }
}
