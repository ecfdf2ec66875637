package dev.newsflow.enrich;

import dev.newsflow.platform.article.EnrichedSizeBound;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.Topic;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps what enrichment adds to an article within fixed bounds, whatever the article: at most
 * {@value #MAX_MENTIONS_PER_ENTITY} mentions per entity, and entities with topics within
 * {@link EnrichedSizeBound#ANNOTATION_BYTES} encoded (the least salient entities go first); at most
 * {@value #MAX_REMOVALS} clean-up removals listed, each text cut to {@value #MAX_REMOVAL_TEXT_CHARS} characters,
 * within {@link EnrichedSizeBound#CLEANUP_REPORT_BYTES}, the rest counted in a last entry. Without bounds, one
 * article of 200,000 one-letter paragraphs enriched to 12.6 MB (a removal per paragraph), which Kafka refused.
 * Ingest's size limit counts on these bounds.
 */
public final class EnrichedArticleBounds {
    public static final int MAX_MENTIONS_PER_ENTITY = 20;
    public static final int MAX_REMOVALS = 100;
    public static final int MAX_REMOVAL_TEXT_CHARS = 500;
    /** The kind of the last removal when not every removal is listed. */
    public static final String UNLISTED = "unlisted";

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
        List<Removal> removals = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long total = 0;
        for (Removal removal : article.getCleanup().getRemovals()) {
            Removal bounded = removal.getText().length() <= MAX_REMOVAL_TEXT_CHARS ? removal
                    : Removal.newBuilder(removal).setText(cut(removal.getText())).build();
            removals.add(bounded);
            sizes.add(encodedSize(bounded));
            total += sizes.get(sizes.size() - 1);
        }
        if (removals.size() <= MAX_REMOVALS && total <= EnrichedSizeBound.CLEANUP_REPORT_BYTES) {
            article.setCleanup(CleanupReport.newBuilder().setRemovals(removals).build());
            return;
        }
        // The first removals that fit, with room left for the entry that counts the others.
        List<Removal> listed = new ArrayList<>();
        long bytes = 0;
        long budget = EnrichedSizeBound.CLEANUP_REPORT_BYTES - 512;
        for (int i = 0; i < removals.size() && listed.size() < MAX_REMOVALS - 1 && bytes + sizes.get(i) <= budget; i++) {
            listed.add(removals.get(i));
            bytes += sizes.get(i);
        }
        listed.add(Removal.newBuilder().setKind(UNLISTED).setText("")
                .setReason(String.format(Locale.ROOT, "%d more removals are not listed: the report lists at most %d, "
                                + "in at most %d bytes", removals.size() - listed.size(), MAX_REMOVALS,
                        EnrichedSizeBound.CLEANUP_REPORT_BYTES))
                .build());
        article.setCleanup(CleanupReport.newBuilder().setRemovals(listed).build());
    }

    private static String cut(String text) {
        int end = MAX_REMOVAL_TEXT_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    private static long encodedSize(List<Topic> topics) {
        long size = 0;
        for (Topic topic : topics) {
            size += encodedSize(topic);
        }
        return size;
    }

    /**
     * The Avro binary size of one record, as it will sit in the enriched record (plus its array's count). A record
     * that does not encode counts as nothing here: serializing the article reports it, with the stage that failed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static long encodedSize(SpecificRecord record) {
        CountingStream counter = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            new SpecificDatumWriter(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return counter.count + 2;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
