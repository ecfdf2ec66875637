package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.bench.corpus.ArticleShape;
import dev.newsflow.bench.corpus.CorpusArticle;
import dev.newsflow.bench.corpus.CorpusGenerator;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What ingest does with a POST's body before anything reaches Kafka: read it as its media type (plain text,
 * JSON, HTML page), clean every line, drop chrome, detect the language and check the rules, as
 * {@code Normalisers} does in the service (language detection on, default sections and HTML limits). The
 * bodies are the end-to-end load generator's, ~500 words. Score: bodies/s on one core; the CPU column is the
 * benchmark thread's.
 */
@State(Scope.Benchmark)
public class IngestNormaliseBenchmark extends OneCoreThroughput {
    @Param({"TEXT", "JSON", "HTML"})
    public ArticleShape shape;

    @Param({"MEDIUM"})
    public ArticleLength length;

    private String[] bodies;
    private Normalisers normalisers;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        CorpusGenerator generator = new CorpusGenerator(BenchCorpus.SEED);
        bodies = new String[BenchCorpus.ARTICLES];
        for (int i = 0; i < bodies.length; i++) {
            CorpusArticle article = generator.article(i, shape, length);
            bodies[i] = article.payload();
        }
        normalisers = new Normalisers(SectionLine.withDefaults(), OpenNlpLanguageDetector.load());
    }

    @Benchmark
    public ArticleDraft normalise(CpuCounter cpu) {
        String body = bodies[next++ & (BenchCorpus.ARTICLES - 1)];
        long started = CpuCounter.start();
        ArticleDraft draft = normalisers.normalise(shape.contentType(), body);
        cpu.stop(started);
        return draft;
    }
}
