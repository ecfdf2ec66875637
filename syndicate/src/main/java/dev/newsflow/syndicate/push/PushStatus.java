package dev.newsflow.syndicate.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A partner's webhook state, kept in the deliverer's store: the next sequence number to assign,
 * consecutive failures, when to try next, and whether delivery is suspended (and by which version
 * of the partner record, so that a newer admin write resumes it).
 */
public record PushStatus(long nextSequence, int failures, long nextAttemptAtMs, boolean suspended,
                         long suspendedAtPartnerUpdateMs, long delivered) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static PushStatus initial() {
        return new PushStatus(1, 0, 0, false, 0, 0);
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PushStatus fromJson(String json) {
        if (json == null) {
            return initial();
        }
        try {
            return MAPPER.readValue(json, PushStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable push status " + json, e);
        }
    }

    PushStatus withNextSequence(long next) {
        return new PushStatus(next, failures, nextAttemptAtMs, suspended, suspendedAtPartnerUpdateMs, delivered);
    }

    PushStatus succeeded() {
        return new PushStatus(nextSequence, 0, 0, false, 0, delivered + 1);
    }

    PushStatus failed(long nextAttemptAt) {
        return new PushStatus(nextSequence, failures + 1, nextAttemptAt, false, 0, delivered);
    }

    PushStatus suspend(long partnerUpdateMs) {
        return new PushStatus(nextSequence, failures, 0, true, partnerUpdateMs, delivered);
    }

    PushStatus resumed() {
        return new PushStatus(nextSequence, 0, 0, false, 0, delivered);
    }
}
