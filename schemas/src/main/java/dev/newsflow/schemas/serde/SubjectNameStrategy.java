package dev.newsflow.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Confluent's three ways of naming the subject a schema is registered under. */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one record type per topic (the default). */
    TOPIC {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one type shared across topics. */
    RECORD {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<full record name>}: several types on one topic. */
    TOPIC_RECORD {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    static final String TOPIC_NAME = "TopicNameStrategy";

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /** Accepts the simple class name or Confluent's fully qualified one. */
    public static SubjectNameStrategy named(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        switch (simple) {
            case "topicnamestrategy":
                return TOPIC;
            case "recordnamestrategy":
                return RECORD;
            case "topicrecordnamestrategy":
                return TOPIC_RECORD;
            default:
                throw new ConfigException("unknown subject name strategy: " + name);
        }
    }
}
