package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.topics.TopicModel;
import dev.newsflow.enrich.topics.TrainedTopicAssigner;

/** The annotator the enrich service runs with. */
public final class ArticleAnnotators {
    private ArticleAnnotators() {
    }

    /** Loaded on first use, once per JVM (class-holder idiom: thread-safe without locking). */
    private static final class Standard {
        static final KnowledgeBaseAnnotator INSTANCE = new KnowledgeBaseAnnotator(KnowledgeBase.load());
    }

    /**
     * The shared annotator: entities (trained recogniser, knowledge-base links with Wikidata ids) and
     * IPTC Media Topics. The first call loads the knowledge base and the model (about a second); the
     * instance is thread-safe.
     */
    public static ArticleAnnotator standard() {
        return Standard.INSTANCE;
    }

    /** The standard annotator as its own type, for what needs its evidence (training, evaluation). */
    public static KnowledgeBaseAnnotator standardKnowledgeBaseAnnotator() {
        return Standard.INSTANCE;
    }

    /** The trained IPTC topic model committed with the module, on the given knowledge base. */
    static TopicAssigner standardTopics(KnowledgeBase kb) {
        return new TrainedTopicAssigner(TopicModel.load(), kb);
    }
}
