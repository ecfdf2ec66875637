package dev.newsflow.enrich.topology;

import dev.newsflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of a record that a stage could not process, with where it came from and why. */
final class DeadLetters {
    static final String SERVICE = "enrich";

    private DeadLetters() {
    }

    static Record<String, DeadLetter> record(ProcessorContext<?, ?> context, Clock clock, String stage,
                                             Throwable error, byte[] rawKey, byte[] rawValue, long timestamp) {
        Optional<RecordMetadata> source = context.recordMetadata();
        DeadLetter letter = DeadLetter.newBuilder()
                .setService(SERVICE)
                .setStage(stage)
                .setSourceTopic(source.map(RecordMetadata::topic).orElse(null))
                .setSourcePartition(source.map(RecordMetadata::partition).orElse(null))
                .setSourceOffset(source.map(RecordMetadata::offset).orElse(null))
                .setErrorClass(rootCause(error).getClass().getName())
                .setErrorMessage(describe(error))
                .setFailedAt(clock.instant())
                .setKey(rawKey == null ? null : ByteBuffer.wrap(rawKey))
                .setValue(rawValue == null ? null : ByteBuffer.wrap(rawValue))
                .build();
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        return new Record<>(key, letter, timestamp);
    }

    /** The chain of messages, outermost first, so ops see both "what" and "because of what". */
    static String describe(Throwable error) {
        StringBuilder message = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (message.length() > 0) {
                message.append(" <- ");
            }
            message.append(current.getClass().getSimpleName()).append(": ")
                    .append(current.getMessage() == null ? "(no message)" : current.getMessage());
            current = current.getCause() == current ? null : current.getCause();
        }
        return message.toString();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
