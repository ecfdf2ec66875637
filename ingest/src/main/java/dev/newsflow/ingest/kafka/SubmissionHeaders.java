package dev.newsflow.ingest.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Kafka headers ingest writes beside each {@code ArticleSubmitted}, so that the ledger rebuilt
 * at start also knows which {@code Idempotency-Key} produced which version.
 */
public final class SubmissionHeaders {
    public static final String IDEMPOTENCY_KEY = "newsflow-idempotency-key";
    public static final String REQUEST_FINGERPRINT = "newsflow-request-fingerprint";

    private SubmissionHeaders() {
    }

    static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
