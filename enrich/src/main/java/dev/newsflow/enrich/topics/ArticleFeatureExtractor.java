package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.annotate.ArticleField;
import dev.newsflow.enrich.annotate.TopicEvidence;
import dev.newsflow.schema.Entity;

/**
 * The features of one article: the words and word pairs of its prose fields (the headline counting
 * double for the words; for the keyword lexicon each field counts with its annotator weight, as the
 * lexicon always did) and its entity evidence ({@link EntityEvidence}). The lexicon's evidence is
 * gathered by the receiver from the word keys ({@link TopicLexicon}). The same code feeds the trainer
 * and the topology, so the model sees in service exactly what it was trained on.
 */
public final class ArticleFeatureExtractor {
    static final float HEADLINE_WEIGHT = 2f;

    /** Receives the raw features of an article; values of a repeated key add up. */
    public interface Blocks {
        /** A word or word pair, with its weight as a word and as lexicon evidence. */
        void word(long key, float weight, float lexiconWeight);

        void entity(long key, float value);
    }

    private final EntityEvidence entityEvidence;
    private final ThreadLocal<WordScanner> scanners = ThreadLocal.withInitial(WordScanner::new);

    public ArticleFeatureExtractor(EntityEvidence entityEvidence) {
        this.entityEvidence = entityEvidence;
    }

    public void extract(TopicEvidence evidence, Blocks out) {
        WordScanner scanner = scanners.get();
        WordScanner.Sink words = (key, weight, lexiconWeight, pair) -> out.word(key, weight, lexiconWeight);
        for (ArticleField field : evidence.fields()) {
            if (field.prose() && field.text() != null && !field.text().isEmpty()) {
                float weight = field.name().equals("headline") ? HEADLINE_WEIGHT : 1f;
                scanner.scan(field.text(), weight, (float) field.weight(), words);
            }
        }
        EntityEvidence.Sink entities = out::entity;
        for (Entity entity : evidence.entities()) {
            entityEvidence.features(entity, entities);
        }
    }
}
