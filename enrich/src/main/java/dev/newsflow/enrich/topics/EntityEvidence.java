package dev.newsflow.enrich.topics;

import dev.newsflow.schema.Entity;

/**
 * What the entities of an article say about its topic, as features: today the entity's type and the
 * knowledge base's kind of it (a head of government, a sports club, a company). The seam through
 * which richer knowledge-base facts (a listed company, a football club, a country's ruling party) come
 * in: an implementation adds a feature per fact it knows. A changed implementation needs the model
 * trained again ({@code newsflow train topics}), since the model's weights are per feature.
 */
public interface EntityEvidence {

    /** Receives one feature of an entity; the value adds up over the article's entities. */
    interface Sink {
        void add(long key, float value);
    }

    void features(Entity entity, Sink sink);
}
