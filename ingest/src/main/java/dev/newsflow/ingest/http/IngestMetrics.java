package dev.newsflow.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What ops watch on ingest (Prometheus names): {@code ingest_articles_accepted_total{publisher,action,format}},
 * {@code ingest_articles_repeated_total{publisher}} (idempotent repeats, nothing written),
 * {@code ingest_articles_rejected_total{publisher,reason}} (reason = the problem type's last word,
 * e.g. {@code invalid-article}, {@code unauthorized}, {@code kafka-unavailable}) and
 * {@code ingest_request_seconds{route,status}} (latency histogram).
 */
final class IngestMetrics {
    static final String UNKNOWN_PUBLISHER = "unknown";

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String publisher, String action, String format) {
        Counter.builder("ingest.articles.accepted").description("Article versions written to Kafka and acknowledged")
                .tag("publisher", publisher).tag("action", action).tag("format", format).register(registry).increment();
    }

    void repeated(String publisher) {
        Counter.builder("ingest.articles.repeated").description("Submissions identical to the accepted version")
                .tag("publisher", publisher).register(registry).increment();
    }

    void rejected(String publisher, String reason) {
        Counter.builder("ingest.articles.rejected").description("Submissions refused, by reason")
                .tag("publisher", publisher == null ? UNKNOWN_PUBLISHER : publisher).tag("reason", reason)
                .register(registry).increment();
    }

    void request(String route, int status, long nanos) {
        Timer.builder("ingest.request").description("Publisher API request latency")
                .tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry).record(Duration.ofNanos(nanos));
    }
}
