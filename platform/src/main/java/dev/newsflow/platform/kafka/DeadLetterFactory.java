package dev.newsflow.platform.kafka;

import dev.newsflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Every dead letter newsflow writes, built one way: the service and stage, the error (its root cause's class and
 * the chain of messages), where the record came from, the original key and value bytes (so it can be replayed),
 * and the time from the service's clock. A dead letter must itself fit in a record: the message is cut to
 * {@value #MAX_MESSAGE_CHARS} characters, and an original value too large to carry along is left out, the message
 * saying so and where to read it.
 */
public final class DeadLetterFactory {
    public static final int MAX_MESSAGE_CHARS = 4_000;
    /** Room in a dead letter for everything but the original key and value. */
    private static final int LETTER_OVERHEAD_BYTES = 16 * 1024;

    private final String service;
    private final Clock clock;
    private final int recordMaxBytes;

    public DeadLetterFactory(String service, Clock clock) {
        this(service, clock, Integer.MAX_VALUE);
    }

    /** With the largest record the service writes ({@code record.max.bytes}), which its dead letters must fit. */
    public DeadLetterFactory(String service, Clock clock, int recordMaxBytes) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordMaxBytes = recordMaxBytes;
    }

    /** Where a record came from; parts not known are null. */
    public record Source(String topic, Integer partition, Long offset) {
        public static final Source NONE = new Source(null, null, null);

        public static Source of(Optional<RecordMetadata> metadata) {
            return metadata.map(m -> new Source(m.topic(), m.partition(), m.offset())).orElse(NONE);
        }

        /** From Streams' error-handler context, which gives -1 for what it does not know. */
        public static Source of(String topic, int partition, long offset) {
            return new Source(topic, partition < 0 ? null : partition, offset < 0 ? null : offset);
        }
    }

    /** A record a stage could not process because of {@code error}. */
    public DeadLetter of(String stage, Throwable error, Source source, byte[] key, byte[] value) {
        return of(stage, rootCause(error).getClass().getName(), describe(error), source, key, value);
    }

    /** A record a stage gave up on for a reason that is not an exception (e.g. a suspended webhook). */
    public DeadLetter of(String stage, String errorClass, String errorMessage, Source source, byte[] key,
                         byte[] value) {
        long carried = (key == null ? 0L : key.length) + (value == null ? 0L : value.length) + LETTER_OVERHEAD_BYTES;
        boolean keepValue = value == null || carried <= recordMaxBytes;
        String message = keepValue ? errorMessage : "(original value of " + value.length + " bytes not kept: a dead "
                + "letter must fit in " + recordMaxBytes + " bytes; read it at the source offset) " + errorMessage;
        return DeadLetter.newBuilder()
                .setService(service)
                .setStage(stage)
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setErrorClass(errorClass)
                .setErrorMessage(cut(message))
                .setFailedAt(clock.instant())
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null || !keepValue ? null : ByteBuffer.wrap(value))
                .build();
    }

    /** The chain of messages, outermost first, so ops see both "what" and "because of what". */
    public static String describe(Throwable error) {
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

    private static String cut(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        int end = MAX_MESSAGE_CHARS - 1;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "\u2026";
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
