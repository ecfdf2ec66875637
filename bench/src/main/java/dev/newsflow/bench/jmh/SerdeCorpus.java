package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Enriched records as the pipeline writes them to {@code articles-enriched}, for the serde benchmarks. */
public final class SerdeCorpus {
    private SerdeCorpus() {
    }

    private static final java.util.Map<ArticleLength, EnrichedArticle[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The records of one length; computed once per JVM (benchmarks only read them). */
    public static EnrichedArticle[] enriched(ArticleLength length) {
        return CACHE.computeIfAbsent(length, SerdeCorpus::enrich);
    }

    private static EnrichedArticle[] enrich(ArticleLength length) {
        ArticleSubmitted[] submitted = BenchCorpus.submitted(length);
        ArticleEnricher enricher = new ArticleEnricher(ArticleAnnotators.standard(), 0.8,
                Clock.fixed(Instant.parse("2026-01-06T12:00:00Z"), ZoneOffset.UTC));
        EnrichedArticle[] records = new EnrichedArticle[submitted.length];
        for (int i = 0; i < submitted.length; i++) {
            records[i] = enricher.enrich(submitted[i]);
        }
        return records;
    }
}
