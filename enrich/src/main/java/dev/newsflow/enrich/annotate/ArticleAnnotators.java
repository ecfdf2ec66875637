package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerModel;

/** The annotator the enrich service runs with. */
public final class ArticleAnnotators {
    private ArticleAnnotators() {
    }

    /** Loaded on first use, once per JVM (class-holder idiom: thread-safe without locking). */
    private static final class Standard {
        static final KnowledgeBaseAnnotator INSTANCE = new KnowledgeBaseAnnotator(KnowledgeBase.load(), NerModel.load());
    }

    /**
     * The shared annotator: entities (trained recogniser, knowledge-base links with Wikidata ids) and
     * IPTC Media Topics. The first call loads the knowledge base and the model (about a second); the
     * instance is thread-safe.
     */
    public static ArticleAnnotator standard() {
        return Standard.INSTANCE;
    }
}
