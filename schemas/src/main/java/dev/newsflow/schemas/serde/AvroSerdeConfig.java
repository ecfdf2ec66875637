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

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Comma-separated base URLs of a Confluent-compatible schema registry; "
                            + "mock://scope for an in-memory one in tests.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the writer's schema when it is not yet under the subject.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Write with the latest schema registered under the subject instead of registering.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Read into generated SpecificRecord classes instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, Importance.LOW,
                    "How the key subject is named: TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy "
                            + "(simple names, or Confluent's class names).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, Importance.LOW,
                    "How the value subject is named; see key.subject.name.strategy.")
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
