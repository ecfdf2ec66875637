package dev.newsflow.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Confluent's three ways of naming the subject a schema is registered under. */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one record type per topic (the default). */
    TOPIC("TopicNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one type shared across topics. */
    RECORD("RecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return recordName(schema);
        }
    },
    /** {@code <topic>-<full record name>}: several types on one topic. */
    TOPIC_RECORD("TopicRecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + recordName(schema);
        }
    };

    static final String TOPIC_NAME = "TopicNameStrategy";
    /** Where Confluent's serializer keeps these classes; its fully qualified names are accepted. */
    static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String className;

    SubjectNameStrategy(String className) {
        this.className = className;
    }

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /** Confluent's class name for this strategy, e.g. {@code TopicNameStrategy}. */
    public String className() {
        return className;
    }

    /**
     * Accepts Confluent's simple class name ({@code TopicNameStrategy}), its fully qualified name
     * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), the older
     * {@code io.confluent.kafka.serializers.subject.strategy} package, or this enum's constant.
     */
    public static SubjectNameStrategy named(String name) {
        String trimmed = name == null ? "" : name.trim();
        String simple = trimmed;
        if (trimmed.startsWith(CONFLUENT_PACKAGE)) {
            simple = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        }
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.className.equals(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new ConfigException("unknown subject name strategy '" + name + "': use TopicNameStrategy, "
                + "RecordNameStrategy or TopicRecordNameStrategy (optionally prefixed with " + CONFLUENT_PACKAGE + ")");
    }

    private static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new org.apache.kafka.common.errors.SerializationException(
                    "the record name strategies need a record schema, not " + schema.getType());
        }
        return schema.getFullName();
    }
}
