package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.Entity;
import java.util.List;

/**
 * What a topic assigner reads of one article: its fields, the entities found in them, and the hits of
 * the IPTC keyword lexicon (own evidence per concept, not yet counted for the concept's ancestors),
 * scanned when first asked for. Not thread-safe: one article, one thread.
 * Built by {@link KnowledgeBaseAnnotator#evidence}, so the topic model sees in training exactly what
 * it sees in the topology.
 */
public final class TopicEvidence {
    private final List<ArticleField> fields;
    private final Tokens[] tokens;
    private final List<Entity> entities;
    private final KeywordEvidence keywords;
    private int[] keywordTopics;
    private double[] keywordWeights;

    TopicEvidence(List<ArticleField> fields, Tokens[] tokens, List<Entity> entities, KeywordEvidence keywords) {
        this.fields = fields;
        this.tokens = tokens;
        this.entities = entities;
        this.keywords = keywords;
    }

    /** The lexicon scan runs on first use only: the trained model reads the lexicon through its own features. */
    private void scan() {
        if (keywordTopics == null) {
            keywords.scan(fields, tokens, this);
        }
    }

    void keywordHits(int[] topics, double[] weights) {
        this.keywordTopics = topics;
        this.keywordWeights = weights;
    }

    public List<ArticleField> fields() {
        return fields;
    }

    public List<Entity> entities() {
        return entities;
    }

    /** Number of concepts with keyword evidence. */
    public int keywordHits() {
        scan();
        return keywordTopics.length;
    }

    /** Knowledge-base topic index ({@link TopicConcept#index()}) of the i-th concept with keyword evidence. */
    public int keywordTopic(int i) {
        scan();
        return keywordTopics[i];
    }

    /** Its keyword evidence, weighted by field and with diminishing returns for repeats. */
    public double keywordWeight(int i) {
        scan();
        return keywordWeights[i];
    }
}
