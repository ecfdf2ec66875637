package dev.newsflow.platform.article;

/**
 * How large an article's enriched record can grow from its submitted one, so that ingest refuses (413) what enrich
 * could never deliver, instead of accepting it and leaving enrich a record Kafka will not take.
 *
 * <p>Enrichment copies the text it keeps once, except that a photo credit ends up three times (as printed, as
 * creditline and as by), whether it came as a credit or at the end of a caption or paragraph: so the text can at
 * most triple. What it adds is bounded by enrich: entities and topics to {@link #ANNOTATION_BYTES}, the clean-up
 * report to {@link #CLEANUP_REPORT_BYTES}, plus a few bytes of structure per paragraph and image.
 */
public final class EnrichedSizeBound {
    /** Entities (with their mentions) and topics, encoded; enrich drops the least salient beyond it. */
    public static final int ANNOTATION_BYTES = 64 * 1024;
    /** The clean-up report, encoded; enrich lists what fits and counts the rest. */
    public static final int CLEANUP_REPORT_BYTES = 32 * 1024;
    /** Record structure enrichment adds: a timestamp, and per paragraph or image a few length and union bytes. */
    static final int STRUCTURE_BYTES = 256 + 32 * (ArticleRules.MAX_PARAGRAPHS + ArticleRules.MAX_IMAGES);
    /** How many times enrichment can repeat a byte of submitted text (a credit: printed, creditline, by). */
    static final int TEXT_COPIES = 3;

    private EnrichedSizeBound() {
    }

    /** The largest encoded submitted record whose enriched record still fits in {@code recordMaxBytes}. */
    public static int maxSubmittedBytes(int recordMaxBytes) {
        return Math.max(0, (recordMaxBytes - ANNOTATION_BYTES - CLEANUP_REPORT_BYTES - STRUCTURE_BYTES) / TEXT_COPIES);
    }
}
