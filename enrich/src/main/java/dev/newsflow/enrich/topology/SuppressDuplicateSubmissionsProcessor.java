package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.enrich.dedupe.DuplicateSubmissionPolicy;
import dev.newsflow.enrich.dedupe.DuplicateSubmissionPolicy.Verdict;
import dev.newsflow.enrich.dedupe.SeenVersion;
import dev.newsflow.schema.ArticleSubmitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops identical re-submissions and versions that arrive after a newer one, using the
 * article-versions store. Only reads the store for submissions that pass: the enrich step
 * records them once they are enriched, so a submission that was dead-lettered is not
 * remembered and its replay is processed. Entries not refreshed within the retention are purged
 * on a stream-time schedule.
 */
final class SuppressDuplicateSubmissionsProcessor implements Processor<String, Submission, String, Submission> {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressDuplicateSubmissionsProcessor.class);

    private final String storeName;
    private final Duration retention;
    private final Duration purgeInterval;
    private final EnrichMetrics metrics;
    private ProcessorContext<String, Submission> context;
    private KeyValueStore<String, SeenVersion> store;

    SuppressDuplicateSubmissionsProcessor(String storeName, Duration retention, Duration purgeInterval,
                                          EnrichMetrics metrics) {
        this.storeName = storeName;
        this.retention = retention;
        this.purgeInterval = purgeInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Submission> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(purgeInterval, PunctuationType.STREAM_TIME, this::purgeOlderThanRetention);
    }

    @Override
    public void process(Record<String, Submission> record) {
        ArticleSubmitted article = record.value().article();
        SeenVersion last = store.get(record.key());
        Verdict verdict = DuplicateSubmissionPolicy.judge(last, article.getVersion(), article.getContentHash(),
                article.getAction().name());
        switch (verdict) {
            case PASS:
                context.forward(record);
                return;
            case DUPLICATE:
                // Keep the highest version seen, so an older version arriving after this one is still stale.
                store.put(record.key(), DuplicateSubmissionPolicy.remember(last, article.getVersion(),
                        article.getContentHash(), article.getAction().name(), record.timestamp()));
                LOG.debug("dropped identical re-submission of {} v{}", record.key(), article.getVersion());
                metrics.dropped("duplicate");
                return;
            case STALE:
                LOG.info("dropped late version {} of {}: version {} was already accepted", article.getVersion(),
                        record.key(), last.version());
                metrics.dropped("stale");
                return;
            default:
                throw new IllegalStateException("unknown verdict " + verdict);
        }
    }

    private void purgeOlderThanRetention(long streamTime) {
        long cutoff = streamTime - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SeenVersion> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeenVersion> entry = all.next();
                if (entry.value.seenAt() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        // Deleted after the scan: not every store allows changes under an open iterator.
        expired.forEach(store::delete);
        if (!expired.isEmpty()) {
            LOG.debug("forgot {} articles not seen since {}", expired.size(), cutoff);
        }
    }
}
