package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Clean-up + enrichment of one article, exactly as the topology runs it ({@link ArticleEnricher}
 * with the service's standard annotator). One thread, so the score is articles per second per
 * core; the {@code words} secondary result is words per second. {@link CleanupBenchmark} times
 * the clean-up alone.
 */
@State(Scope.Benchmark)
public class EnrichmentBenchmark extends OneCoreThroughput {
    /** Caption similarity threshold the enrich service runs with by default. */
    static final double CAPTION_SIMILARITY = 0.8;

    @Param({"SHORT", "MEDIUM", "LONG"})
    public ArticleLength length;

    private ArticleSubmitted[] articles;
    private int[] words;
    private ArticleEnricher enricher;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        articles = BenchCorpus.submitted(length);
        words = BenchCorpus.words(length);
        enricher = new ArticleEnricher(ArticleAnnotators.standard(), CAPTION_SIMILARITY, Clock.systemUTC());
    }


    @Benchmark
    public EnrichedArticle cleanupAndEnrichment(WordCounter counter, CpuCounter cpu) {
        int i = next++ & (BenchCorpus.ARTICLES - 1);
        counter.words += words[i];
        long started = CpuCounter.start();
        EnrichedArticle result = enricher.enrich(articles[i]);
        cpu.stop(started);
        return result;
    }
}
