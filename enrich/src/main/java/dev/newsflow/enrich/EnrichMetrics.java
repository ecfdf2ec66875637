package dev.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the topology counts, for ops: articles enriched, submissions dropped as duplicates or
 * late versions, records dead-lettered (by stage), and clean-up removals (by kind). Exposed in
 * Prometheus form as {@code newsflow_enrich_*_total}.
 */
public final class EnrichMetrics {
    private final MeterRegistry registry;
    private final Counter enriched;
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> removals = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.enrich.articles.enriched")
                .description("Articles cleaned, annotated and written to articles-enriched").register(registry);
    }

    /** Counts into a registry nobody reads: for tools and tests that do not watch metrics. */
    public static EnrichMetrics unobserved() {
        return new EnrichMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void enriched() {
        enriched.increment();
    }

    /** A submission not enriched because it repeats or predates what was accepted; reason duplicate or stale. */
    public void dropped(String reason) {
        dropped.computeIfAbsent(reason, r -> Counter.builder("newsflow.enrich.submissions.dropped")
                .description("Submissions suppressed: identical re-submissions (duplicate) and late older versions (stale)")
                .tag("reason", r).register(registry)).increment();
    }

    public void deadLettered(String stage) {
        deadLettered.computeIfAbsent(stage, s -> Counter.builder("newsflow.enrich.dead.letters")
                .description("Records sent to articles-dead-letter, by the stage that failed")
                .tag("stage", s).register(registry)).increment();
    }

    public void removed(String kind) {
        removals.computeIfAbsent(kind, k -> Counter.builder("newsflow.enrich.cleanup.removals")
                .description("Things the clean-up removed (duplicate captions, chrome, ...), by kind")
                .tag("kind", k.toLowerCase(Locale.ROOT)).register(registry)).increment();
    }

    public double enrichedCount() {
        return enriched.count();
    }

    public double droppedCount(String reason) {
        Counter counter = dropped.get(reason);
        return counter == null ? 0 : counter.count();
    }

    public double deadLetteredCount(String stage) {
        Counter counter = deadLettered.get(stage);
        return counter == null ? 0 : counter.count();
    }
}
