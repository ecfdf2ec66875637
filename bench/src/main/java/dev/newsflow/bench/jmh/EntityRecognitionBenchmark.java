package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.ArticleField;
import dev.newsflow.enrich.annotate.EntitySpan;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.enrich.annotate.NameRecognizer;
import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The trained recogniser alone ({@link NameRecognizer}: tokenizing the fields, both passes, the spans)
 * on the cleaned articles of the benchmark corpus: what the entity step of {@link EnrichmentBenchmark}
 * spends on finding names before linking them. One thread: articles per second per core.
 */
@State(Scope.Benchmark)
public class EntityRecognitionBenchmark extends OneCoreThroughput {
    @Param({"MEDIUM"})
    public ArticleLength length;

    private List<ArticleField>[] fields;
    private int[] words;
    private NameRecognizer recognizer;
    private int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        ArticleSubmitted[] articles = BenchCorpus.submitted(length);
        words = BenchCorpus.words(length);
        ArticleAnnotator none = article -> { };
        ArticleEnricher cleaner = new ArticleEnricher(none, EnrichmentBenchmark.CAPTION_SIMILARITY, Clock.systemUTC());
        fields = new List[articles.length];
        for (int i = 0; i < articles.length; i++) {
            EnrichedArticle cleaned = cleaner.enrich(articles[i]);
            fields[i] = KnowledgeBaseAnnotator.fields(EnrichedArticle.newBuilder(cleaned));
        }
        recognizer = new NameRecognizer(NerModel.standard(), KnowledgeBase.load());
    }


    @Benchmark
    public List<EntitySpan> recogniseNames(WordCounter counter, CpuCounter cpu) {
        int i = next++ & (BenchCorpus.ARTICLES - 1);
        counter.words += words[i];
        long started = CpuCounter.start();
        List<EntitySpan> result = recognizer.recognise(fields[i]);
        cpu.stop(started);
        return result;
    }
}
