package dev.newsflow.enrich.topology;

import dev.newsflow.platform.kafka.DeadLetterFactory;
import dev.newsflow.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** The dead letter of a record that a stage of the topology could not process, as a record for the sink. */
final class DeadLetters {
    static final String SERVICE = "enrich";

    private final DeadLetterFactory factory;

    /** @param recordMaxBytes the largest record enrich writes; a dead letter too must fit */
    DeadLetters(Clock clock, int recordMaxBytes) {
        this.factory = new DeadLetterFactory(SERVICE, clock, recordMaxBytes);
    }

    Record<String, DeadLetter> record(ProcessorContext<?, ?> context, String stage, Throwable error, byte[] rawKey,
                                      byte[] rawValue, long timestamp) {
        DeadLetter letter = factory.of(stage, error, DeadLetterFactory.Source.of(context.recordMetadata()), rawKey,
                rawValue);
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        return new Record<>(key, letter, timestamp);
    }
}
