package dev.newsflow.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The serde's settings, under the names Confluent's {@code KafkaAvroSerializer} uses, so the
 * same client properties work with either class.
 */
public final class AvroSerdeConfig extends AbstractConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    /**
     * newsflow's own setting (not Confluent's): the {@code Serde} class the topic catalogue uses
     * for every Avro value. Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}
     * is a drop-in replacement: it reads the same settings and writes the same bytes.
     */
    public static final String VALUE_SERDE_CLASS = "avro.value.serde.class";

    /** Accepts the names Confluent documents, simple or fully qualified. */
    private static final ConfigDef.Validator STRATEGY = (name, value) -> {
        try {
            SubjectNameStrategy.named(String.valueOf(value));
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw new org.apache.kafka.common.config.ConfigException(name, value, e.getMessage());
        }
    };

    private static final ConfigDef.Validator SERDE_CLASS = (name, value) -> {
        if (value instanceof Class<?> type && !org.apache.kafka.common.serialization.Serde.class.isAssignableFrom(type)) {
            throw new org.apache.kafka.common.config.ConfigException(name, type.getName(),
                    "not an org.apache.kafka.common.serialization.Serde");
        }
    };

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Comma-separated base URLs of a Confluent-compatible schema registry; "
                            + "mock://scope for an in-memory one in tests.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the writer's schema when it is not yet under the subject (Confluent's default). "
                            + "When off, the serializer looks the schema up, or uses the latest version.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "With auto.register.schemas off: write with the latest schema registered under the subject, "
                            + "converting the record to it by Avro schema resolution.")
            .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                    "With use.latest.version: refuse to write when the latest schema cannot read records of "
                            + "the object's own schema (it would lose or invent data).")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Read into generated SpecificRecord classes instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, STRATEGY, Importance.LOW,
                    "How the key subject is named: TopicNameStrategy (<topic>-key), RecordNameStrategy "
                            + "(<record full name>) or TopicRecordNameStrategy (<topic>-<record full name>); simple "
                            + "names or Confluent's class names (io.confluent.kafka.serializers.subject.*).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, STRATEGY, Importance.LOW,
                    "How the value subject is named; see key.subject.name.strategy.")
            .define(VALUE_SERDE_CLASS, Type.CLASS, ConfluentAvroSerde.class, SERDE_CLASS, Importance.LOW,
                    "Serde class for the Avro values of every topic in the catalogue, configured with these same "
                            + "settings. Set io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde (with Confluent's "
                            + "jars on the classpath) to use Confluent's serializer instead of newsflow's.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, 60L, ConfigDef.Range.atLeast(-1), Importance.LOW,
                    "How long the latest version of a subject is remembered when use.latest.version is on; -1 forever.");

    public AvroSerdeConfig(Map<?, ?> props) {
        super(DEFINITION, props, false);
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    String registryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return SubjectNameStrategy.named(getString(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    }
}
