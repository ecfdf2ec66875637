package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import java.time.Clock;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * IPTC topics alone: from an article already cleaned, tokenized and with its entities (what the
 * annotator has when topic assignment starts), the keyword lexicon scan, the topic model's features
 * and scores, calibration and the topics emitted. One thread: articles per second per core.
 * {@link EnrichmentBenchmark} times the whole clean-up + enrichment.
 */
@State(Scope.Benchmark)
public class TopicsBenchmark extends OneCoreThroughput {
    @Param({"SHORT", "MEDIUM", "LONG"})
    public ArticleLength length;

    private KnowledgeBaseAnnotator annotator;
    private KnowledgeBaseAnnotator.Prepared[] prepared;
    private int[] words;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        annotator = ArticleAnnotators.standardKnowledgeBaseAnnotator();
        ArticleSubmitted[] articles = BenchCorpus.submitted(length);
        words = BenchCorpus.words(length);
        ArticleEnricher enricher = new ArticleEnricher(annotator, EnrichmentBenchmark.CAPTION_SIMILARITY, Clock.systemUTC());
        prepared = new KnowledgeBaseAnnotator.Prepared[articles.length];
        for (int i = 0; i < articles.length; i++) {
            EnrichedArticle cleaned = enricher.enrich(articles[i]);
            prepared[i] = annotator.prepare(EnrichedArticle.newBuilder(cleaned));
        }
    }


    @Benchmark
    public List<Topic> topics(WordCounter counter) {
        int i = next++ & (BenchCorpus.ARTICLES - 1);
        counter.words += words[i];
        return annotator.topics(prepared[i]);
    }
}
