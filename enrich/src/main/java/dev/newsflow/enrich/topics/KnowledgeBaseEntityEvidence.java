package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.annotate.KbEntity;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entity evidence from what the knowledge base has today: each entity counts for its type, and an
 * entity the knowledge base knows counts for its kind ({@code leader}, {@code sport}, {@code company},
 * {@code military}, …), weighted by the entity's salience, so a football club in the headline says
 * more than a capital city named once in passing.
 */
public final class KnowledgeBaseEntityEvidence implements EntityEvidence {
    /** An entity named once in passing still counts a little. */
    static final float BASE = 0.25f;

    private final KnowledgeBase kb;
    private final long[] typeKeys;
    private final Map<String, Long> kindKeys = new ConcurrentHashMap<>();

    public KnowledgeBaseEntityEvidence(KnowledgeBase kb) {
        this.kb = kb;
        EntityType[] types = EntityType.values();
        typeKeys = new long[types.length];
        for (EntityType t : types) {
            typeKeys[t.ordinal()] = FeatureKeys.entity("type=" + t.name());
        }
    }

    /**
     * Kinds that say where, not what: every topic happens somewhere, and the training summaries'
     * places (mostly war zones) would teach the model that a country's name means conflict.
     */
    static final java.util.Set<String> PLACE_KINDS = java.util.Set.of("city", "country", "subdivision", "region",
            "territory", "landmark");

    @Override
    public void features(Entity entity, Sink sink) {
        if (entity.getType() == EntityType.PLACE) {
            return;
        }
        KbEntity known = kb.find(entity.getType(), entity.getName());
        if (known != null && known.kind() != null && !known.kind().isEmpty() && !PLACE_KINDS.contains(known.kind())) {
            float weight = BASE + (float) entity.getSalience();
            sink.add(kindKeys.computeIfAbsent(known.kind(), k -> FeatureKeys.entity("kind=" + k)), weight);
        }
    }
}
