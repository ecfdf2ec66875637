package dev.newsflow.syndicate.state;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest version of each article and its place in the timeline. An update or correction
 * replaces the stored version (same id, so the same GUID) and moves it to its new time; a kill keeps
 * the last content with action KILL, so Atom can announce the deletion to feeds whose filter carried
 * it while RSS and JSON Feed drop it. Versions not newer than the stored one are ignored (replays,
 * reordering).
 */
public final class FeedStateProcessor implements Processor<String, EnrichedArticle, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStateProcessor.class);

    private final StateVersion version;
    private final LocalArticleStores localStores;
    private KeyValueStore<String, EnrichedArticle> articles;
    private KeyValueStore<String, String> timeline;
    private int partition;

    public FeedStateProcessor(StateVersion version, LocalArticleStores localStores) {
        this.version = version;
        this.localStores = localStores;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        articles = context.getStateStore(FeedStateTopology.ARTICLES_STORE);
        timeline = context.getStateStore(FeedStateTopology.TIMELINE_STORE);
        partition = context.taskId().partition();
        localStores.opened(partition, articles);
    }

    @Override
    public void close() {
        if (articles != null) {
            localStores.closed(partition, articles);
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle incoming = record.value();
        if (incoming == null) {
            return;
        }
        String id = incoming.getArticleId();
        EnrichedArticle previous = articles.get(id);
        if (previous != null && previous.getVersion() >= incoming.getVersion()) {
            LOG.debug("ignoring version {} of {}: version {} is stored", incoming.getVersion(), id,
                    previous.getVersion());
            return;
        }
        EnrichedArticle next = merge(previous, incoming);
        if (next == null) {
            return;
        }
        if (previous != null) {
            timeline.delete(TimelineKey.of(ArticleTimes.updated(previous), id));
        }
        articles.put(id, next);
        timeline.put(TimelineKey.of(ArticleTimes.updated(next), id), id);
        version.bump();
    }

    /** The version to store, or null when there is nothing to keep (a kill of an unknown story). */
    public static EnrichedArticle merge(EnrichedArticle previous, EnrichedArticle incoming) {
        if (incoming.getAction() == ArticleAction.KILL) {
            if (previous == null) {
                return null;
            }
            // A kill may carry no content; keep the last content so filters still know which feeds carried it.
            return EnrichedArticle.newBuilder(previous)
                    .setAction(ArticleAction.KILL)
                    .setVersion(incoming.getVersion())
                    .setReceivedAt(incoming.getReceivedAt())
                    .setEnrichedAt(incoming.getEnrichedAt())
                    .setEmbargoUntil(null)
                    .build();
        }
        return withFirstPublication(incoming, previous != null && previous.getAction() != ArticleAction.KILL
                ? ArticleTimes.published(previous) : null);
    }

    /**
     * The version with its publication time: its own when it gives one, else the earlier version's
     * ({@code previousPublished}; null for a first version: when it was received). First publication stays the
     * first version's time; later versions only move "updated".
     */
    public static EnrichedArticle withFirstPublication(EnrichedArticle incoming, Instant previousPublished) {
        if (incoming.getPublishedAt() != null) {
            return incoming;
        }
        return EnrichedArticle.newBuilder(incoming)
                .setPublishedAt(previousPublished != null ? previousPublished : incoming.getReceivedAt())
                .build();
    }
}
