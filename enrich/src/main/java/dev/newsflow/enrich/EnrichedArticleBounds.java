package dev.newsflow.enrich;

import dev.newsflow.platform.article.CleanupReportBound;
import dev.newsflow.platform.article.EncodedSizeCeiling;
import dev.newsflow.platform.article.EnrichedSizeBound;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps what enrichment adds to an article within fixed bounds, whatever the article: at most
 * {@value #MAX_MENTIONS_PER_ENTITY} mentions per entity, and entities with topics within
 * {@link EnrichedSizeBound#ANNOTATION_BYTES} encoded (the least salient entities go first); the clean-up report
 * (ingest's removals from the page, then the clean-up's) within {@link CleanupReportBound}.
 * Ingest's size limit counts on these bounds.
 */
public final class EnrichedArticleBounds {
    public static final int MAX_MENTIONS_PER_ENTITY = 20;
    public static final int MAX_REMOVALS = CleanupReportBound.MAX_REMOVALS;
    public static final int MAX_REMOVAL_TEXT_CHARS = CleanupReportBound.MAX_REMOVAL_TEXT_CHARS;
    /** The kind of the last removal when not every removal is listed. */
    public static final String UNLISTED = CleanupReportBound.UNLISTED;

    private EnrichedArticleBounds() {
    }

    /** Applies the bounds to an enriched article being built. */
    public static void apply(EnrichedArticle.Builder article) {
        boundAnnotations(article);
        boundCleanupReport(article);
    }

    private static void boundAnnotations(EnrichedArticle.Builder article) {
        List<Entity> entities = new ArrayList<>(article.getEntities());
        for (int i = 0; i < entities.size(); i++) {
            Entity entity = entities.get(i);
            // An entity without mentions is incomplete: serializing the article reports it.
            if (entity.getMentions() != null && entity.getMentions().size() > MAX_MENTIONS_PER_ENTITY) {
                entities.set(i, Entity.newBuilder(entity)
                        .setMentions(new ArrayList<>(entity.getMentions().subList(0, MAX_MENTIONS_PER_ENTITY))).build());
            }
        }
        if (ceiling(article.getTopics()) + ceiling(entities) <= EnrichedSizeBound.ANNOTATION_BYTES) {
            article.setEntities(entities); // fits even at the ceiling: the exact sizes cannot say otherwise
            return;
        }
        long bytes = encodedSize(article.getTopics());
        List<Long> sizes = new ArrayList<>();
        for (Entity entity : entities) {
            long size = encodedSize(entity);
            sizes.add(size);
            bytes += size;
        }
        if (bytes > EnrichedSizeBound.ANNOTATION_BYTES) {
            // The least salient go first; the rest keep their order.
            List<Integer> bySalience = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) {
                bySalience.add(i);
            }
            bySalience.sort(Comparator.comparingDouble(i -> entities.get(i).getSalience()));
            boolean[] dropped = new boolean[entities.size()];
            for (int i = 0; i < bySalience.size() && bytes > EnrichedSizeBound.ANNOTATION_BYTES; i++) {
                dropped[bySalience.get(i)] = true;
                bytes -= sizes.get(bySalience.get(i));
            }
            List<Entity> kept = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) {
                if (!dropped[i]) {
                    kept.add(entities.get(i));
                }
            }
            entities.clear();
            entities.addAll(kept);
        }
        article.setEntities(entities);
    }

    private static void boundCleanupReport(EnrichedArticle.Builder article) {
        article.setCleanup(CleanupReport.newBuilder()
                .setRemovals(CleanupReportBound.bound(article.getCleanup().getRemovals())).build());
    }

    private static long encodedSize(List<Topic> topics) {
        long size = 0;
        for (Topic topic : topics) {
            size += encodedSize(topic);
        }
        return size;
    }

    private static long ceiling(List<? extends SpecificRecord> records) {
        long size = 0;
        for (SpecificRecord record : records) {
            size += EncodedSizeCeiling.of(record);
        }
        return size;
    }

    /** The Avro binary size of one record, as it will sit in the enriched record (plus its array's count). */
    static long encodedSize(SpecificRecord record) {
        return CleanupReportBound.encodedSize(record);
    }
}
