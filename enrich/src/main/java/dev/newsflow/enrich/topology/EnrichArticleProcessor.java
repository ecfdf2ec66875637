package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.ArticleEnricher.EnrichmentException;
import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.enrich.dedupe.DuplicateSubmissionPolicy;
import dev.newsflow.enrich.dedupe.SeenVersion;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Removal;
import dev.newsflow.platform.errors.FailureKind;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans and annotates one submission, serializes it, writes it to the enriched sink and
 * remembers it in the article-versions store. If the clean-up or the annotator throws, or the
 * result does not serialize (an annotator left a required field empty), the submission is
 * dead-lettered with the stage that failed, and not remembered, so that its replay is processed.
 * Serializing here rather than in the sink is what makes that last case attributable; a
 * schema-registry failure is not the record's fault and fails the task instead, to be retried.
 */
final class EnrichArticleProcessor implements Processor<String, Submission, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichArticleProcessor.class);

    static final String STAGE_SERIALIZATION = "serialization";
    static final String STAGE_SIZE = "size";

    private final ArticleEnricher enricher;
    private final Serializer<EnrichedArticle> serializer;
    private final String enrichedTopic;
    private final String storeName;
    private final String enrichedSink;
    private final String deadLetterSink;
    private final EnrichMetrics metrics;
    private final DeadLetters deadLetters;
    private final int recordMaxBytes;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SeenVersion> store;

    EnrichArticleProcessor(ArticleEnricher enricher, Serializer<EnrichedArticle> serializer, String enrichedTopic,
                           String storeName, String enrichedSink, String deadLetterSink, EnrichMetrics metrics,
                           DeadLetters deadLetters, int recordMaxBytes) {
        this.enricher = enricher;
        this.serializer = serializer;
        this.enrichedTopic = enrichedTopic;
        this.storeName = storeName;
        this.enrichedSink = enrichedSink;
        this.deadLetterSink = deadLetterSink;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.recordMaxBytes = recordMaxBytes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Submission> record) {
        ArticleSubmitted article = record.value().article();
        EnrichedArticle enriched;
        try {
            enriched = enricher.enrich(article);
        } catch (EnrichmentException e) {
            deadLetter(record, e.stage(), e.getCause());
            return;
        } catch (RuntimeException e) {
            deadLetter(record, "enrichment", e);
            return;
        }
        byte[] serialized;
        try {
            serialized = serializer.serialize(enrichedTopic, record.headers(), enriched);
        } catch (RuntimeException e) {
            if (FailureKind.registryCause(e).isPresent()) {
                throw e; // the registry's or the configuration's fault, not the record's: see StreamThreadFailurePolicy
            }
            deadLetter(record, STAGE_SERIALIZATION, e);
            return;
        }
        // Checked here, not left to the producer: under exactly-once a record Kafka refuses aborts the whole
        // transaction, and its retry would fail the same way for ever.
        int size = record.value().rawKey().length + serialized.length;
        if (size > recordMaxBytes) {
            deadLetter(record, STAGE_SIZE, new RecordTooLargeException("the enriched record is " + size
                    + " bytes; the limit is " + recordMaxBytes + " bytes (record.max.bytes)"));
            return;
        }
        context.forward(new Record<String, Object>(record.key(), serialized, record.timestamp(), record.headers()),
                enrichedSink);
        store.put(record.key(), DuplicateSubmissionPolicy.remember(store.get(record.key()), article.getVersion(),
                article.getContentHash(), article.getAction().name(), record.timestamp()));
        metrics.enriched();
        for (Removal removal : enriched.getCleanup().getRemovals()) {
            metrics.removed(removal.getKind());
        }
    }

    private void deadLetter(Record<String, Submission> record, String stage, Throwable error) {
        LOG.warn("dead-lettering article {} v{}: {} failed: {}", record.key(), record.value().article().getVersion(),
                stage, error.toString());
        metrics.deadLettered(stage);
        context.forward(deadLetters.record(context, stage, error, record.value().rawKey(),
                record.value().rawValue(), record.timestamp()), deadLetterSink);
    }
}
