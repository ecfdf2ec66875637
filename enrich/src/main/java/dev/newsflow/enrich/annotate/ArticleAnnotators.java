package dev.newsflow.enrich.annotate;

/** The annotator the enrich service runs with. */
public final class ArticleAnnotators {
    private ArticleAnnotators() {
    }

    /** Loaded on first use, once per JVM (class-holder idiom: thread-safe without locking). */
    private static final class Standard {
        static final KnowledgeBaseAnnotator INSTANCE = new KnowledgeBaseAnnotator(KnowledgeBase.load());
    }

    /**
     * The shared knowledge-base annotator: entities with Wikidata ids and IPTC Media Topics. The
     * first call loads the knowledge base (well under a second); the instance is thread-safe.
     */
    public static ArticleAnnotator standard() {
        return Standard.INSTANCE;
    }
}
