package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.platform.article.ArticleRules;
import dev.newsflow.platform.errors.FailureKind;
import dev.newsflow.schema.ArticleSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the raw bytes of {@code articles-submitted} into an {@link ArticleSubmitted}. A record
 * that does not decode, has no value, whose key is not its article id (or missing), or that breaks
 * one of {@link ArticleRules} (the field named) goes to the dead-letter sink with its original bytes;
 * the next record is processed as usual. A schema registry
 * that cannot answer now is not the record's fault: the task fails and is retried
 * ({@link FailureKind}); a schema id the registry does not know is, and dead-letters the record.
 */
final class DecodeSubmissionProcessor implements Processor<byte[], byte[], String, Object> {
    static final String STAGE = "deserialization";
    static final String STAGE_VALIDATION = "validation";
    private static final Logger LOG = LoggerFactory.getLogger(DecodeSubmissionProcessor.class);

    private final Deserializer<ArticleSubmitted> deserializer;
    private final String next;
    private final String deadLetterSink;
    private final EnrichMetrics metrics;
    private final DeadLetters deadLetters;
    private ProcessorContext<String, Object> context;

    DecodeSubmissionProcessor(Deserializer<ArticleSubmitted> deserializer, String next, String deadLetterSink,
                              EnrichMetrics metrics, DeadLetters deadLetters) {
        this.deserializer = deserializer;
        this.next = next;
        this.deadLetterSink = deadLetterSink;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse(null);
        ArticleSubmitted article;
        try {
            article = deserializer.deserialize(topic, record.headers(), record.value());
            if (article == null) {
                throw new IllegalArgumentException("record has no value (a tombstone): nothing to enrich");
            }
        } catch (RuntimeException e) {
            if (FailureKind.registryCause(e).isPresent() && FailureKind.of(e) == FailureKind.RETRIABLE) {
                throw e; // the registry is away, not the record at fault: fail the task and retry
            }
            deadLetter(record, STAGE, e);
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        // The duplicate-submission store is per partition: it only sees every version of an article
        // when they are all keyed (and so partitioned) by its id.
        if (!article.getArticleId().equals(key)) {
            deadLetter(record, STAGE_VALIDATION, new IllegalArgumentException((key == null ? "record has no key"
                    : "record key '" + key + "' is not the article id") + "; expected '" + article.getArticleId()
                    + "' so that all versions of an article stay in one partition"));
            return;
        }
        // The same rules ingest applies: a record another producer wrote straight to the topic gets no further
        // than one ingest would have refused.
        Optional<ArticleRules.Violation> violation = ArticleRules.check(article);
        if (violation.isPresent()) {
            deadLetter(record, STAGE_VALIDATION, new InvalidSubmissionException(violation.get()));
            return;
        }
        Submission submission = new Submission(record.key(), record.value(), article);
        context.forward(new Record<String, Object>(article.getArticleId(), submission, record.timestamp(),
                record.headers()), next);
    }

    private void deadLetter(Record<byte[], byte[]> record, String stage, RuntimeException error) {
        LOG.warn("dead-lettering the record at {}: {} failed: {}", context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("(unknown)"), stage, error.toString());
        metrics.deadLettered(stage);
        context.forward(deadLetters.record(context, stage, error, record.key(), record.value(),
                record.timestamp()), deadLetterSink);
    }
}
