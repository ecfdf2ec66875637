package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.enrich.cleanup.ArticleCleaner;
import dev.newsflow.schema.ArticleSubmitted;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The clean-up step alone (duplicate captions, credit split, chrome), to show how the
 * enrichment time divides between clean-up and annotation. ~500-word articles by default.
 */
@State(Scope.Benchmark)
public class CleanupBenchmark extends OneCoreThroughput {
    @Param({"MEDIUM"})
    public ArticleLength length;

    private ArticleSubmitted[] articles;
    private int[] words;
    private ArticleCleaner cleaner;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        articles = BenchCorpus.submitted(length);
        words = BenchCorpus.words(length);
        cleaner = new ArticleCleaner(EnrichmentBenchmark.CAPTION_SIMILARITY);
    }

    @Benchmark
    public ArticleCleaner.Result cleanupOnly(WordCounter counter, CpuCounter cpu) {
        int i = next++ & (BenchCorpus.ARTICLES - 1);
        counter.words += words[i];
        long started = CpuCounter.start();
        ArticleCleaner.Result result = cleaner.clean(articles[i]);
        cpu.stop(started);
        return result;
    }
}
