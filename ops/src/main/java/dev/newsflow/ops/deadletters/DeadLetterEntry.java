package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** One dead letter as ops see it: its id and key, what failed where and why, and where the record came from. */
public record DeadLetterEntry(DeadLetterId id, String key, Instant failedAt, String service, String stage,
                              String errorClass, String errorMessage, String sourceTopic, Integer sourcePartition,
                              Long sourceOffset, byte[] originalKey, byte[] originalValue) {

    static DeadLetterEntry of(DeadLetterId id, String key, DeadLetter letter) {
        return new DeadLetterEntry(id, key, letter.getFailedAt(), letter.getService(), letter.getStage(),
                letter.getErrorClass(), letter.getErrorMessage(), letter.getSourceTopic(), letter.getSourcePartition(),
                letter.getSourceOffset(), bytes(letter.getKey()), bytes(letter.getValue()));
    }

    /** Where the record was read from, {@code topic/partition/offset}, or "-" when the stage read no topic. */
    public String source() {
        if (sourceTopic == null) {
            return "-";
        }
        return sourceTopic + "/" + (sourcePartition == null ? "?" : sourcePartition) + "/"
                + (sourceOffset == null ? "?" : sourceOffset);
    }

    /** Why it cannot be replayed, or null when it can: it needs a source topic and its original bytes. */
    public String notReplayableBecause() {
        if (sourceTopic == null) {
            return "the " + stage + " stage read it from no topic (a suspended webhook is resumed with "
                    + "'newsflow partners resume-webhook', not replayed)";
        }
        if (originalValue == null) {
            return "the dead letter kept no original value";
        }
        return null;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
