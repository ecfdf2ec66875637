package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.bench.corpus.ArticleShape;
import dev.newsflow.bench.corpus.CorpusArticle;
import dev.newsflow.bench.corpus.CorpusGenerator;
import dev.newsflow.bench.corpus.SubmittedRecords;
import dev.newsflow.schema.ArticleSubmitted;

/** The fixed inputs of the JMH benchmarks: the same articles in every run and on every machine. */
public final class BenchCorpus {
    /** A power of two: benchmarks cycle through the articles with a mask. */
    public static final int ARTICLES = 256;
    public static final long SEED = 20_260_106L;
    public static final String PUBLISHER = "bench";

    private BenchCorpus() {
    }

    /** {@link #ARTICLES} submitted records of one length, shapes rotating text/JSON/HTML. */
    public static ArticleSubmitted[] submitted(ArticleLength length) {
        CorpusGenerator generator = new CorpusGenerator(SEED);
        ArticleShape[] shapes = ArticleShape.values();
        ArticleSubmitted[] records = new ArticleSubmitted[ARTICLES];
        for (int i = 0; i < ARTICLES; i++) {
            CorpusArticle article = generator.article(i, shapes[i % shapes.length], length);
            records[i] = SubmittedRecords.of(article, PUBLISHER);
        }
        return records;
    }

    /** Words (headline, body, captions once) of each record, for the words/s counters. */
    public static int[] words(ArticleLength length) {
        CorpusGenerator generator = new CorpusGenerator(SEED);
        ArticleShape[] shapes = ArticleShape.values();
        int[] words = new int[ARTICLES];
        for (int i = 0; i < ARTICLES; i++) {
            words[i] = generator.article(i, shapes[i % shapes.length], length).wordCount();
        }
        return words;
    }
}
