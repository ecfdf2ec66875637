package dev.newsflow.syndicate.publish;

import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.ItemTextCache;
import dev.newsflow.syndicate.state.FeedItem;
import dev.newsflow.syndicate.state.FeedPage;
import dev.newsflow.syndicate.state.FeedQuery;
import dev.newsflow.syndicate.state.FeedStateView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when a feed's first page changes (new, updated or killed items; a changed subscription)
 * and then writes its static files and/or pings the WebSub hub for each format's URL. A feed's
 * fingerprint is the ids, versions and actions of its first page plus the partner record's time.
 */
public final class FeedChangeWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedChangeWatcher.class);

    private final FeedStateView state;
    private final FeedQuery query;
    private final FeedAssembler assembler;
    private final Supplier<String> baseUrl;
    private final int maxPageSize;
    private final Optional<StaticFeedWriter> files;
    private final Optional<WebSubPublisher> hub;
    private final ItemTextCache texts;
    private final Map<String, String> fingerprints = new HashMap<>();
    private ScheduledExecutorService scheduler;

    public FeedChangeWatcher(FeedStateView state, FeedQuery query, FeedAssembler assembler, Supplier<String> baseUrl,
                             int maxPageSize, Optional<StaticFeedWriter> files, Optional<WebSubPublisher> hub) {
        this(state, query, assembler, baseUrl, maxPageSize, files, hub, ItemTextCache.none());
    }

    /** @param texts item texts shared with the HTTP renderings, so static output re-sanitises only what changed */
    public FeedChangeWatcher(FeedStateView state, FeedQuery query, FeedAssembler assembler, Supplier<String> baseUrl,
                             int maxPageSize, Optional<StaticFeedWriter> files, Optional<WebSubPublisher> hub,
                             ItemTextCache texts) {
        this.texts = texts;
        this.state = state;
        this.query = query;
        this.assembler = assembler;
        this.baseUrl = baseUrl;
        this.maxPageSize = maxPageSize;
        this.files = files;
        this.hub = hub;
    }

    /** Checks every interval on a background thread until closed. */
    public FeedChangeWatcher start(long intervalMs) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "syndicate-feed-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checkOnce();
            } catch (InvalidStateStoreException e) {
                LOG.debug("feed state not queryable yet: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("feed change check failed", e);
            }
        }, 0, intervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One pass over every enabled partner's feeds; returns how many feeds changed. Static files of partners that
     * were deleted are removed.
     */
    public synchronized int checkOnce() {
        int changed = 0;
        java.util.Set<String> known = new java.util.HashSet<>();
        try (KeyValueIterator<String, PartnerSubscription> partners = state.partners().all()) {
            while (partners.hasNext()) {
                KeyValue<String, PartnerSubscription> entry = partners.next();
                PartnerSubscription partner = entry.value;
                if (partner == null) {
                    continue;
                }
                known.add(partner.getPartnerId());
                if (!partner.getEnabled()) {
                    continue;
                }
                for (FeedSubscription feed : partner.getFeeds()) {
                    if (check(partner, feed)) {
                        changed++;
                    }
                }
            }
        }
        if (files.isPresent()) {
            for (String deleted : files.get().removeAllBut(known)) {
                LOG.info("partner {} was deleted: its static feed files are removed", deleted);
                fingerprints.keySet().removeIf(key -> key.startsWith(deleted + "/"));
            }
        }
        return changed;
    }

    private boolean check(PartnerSubscription partner, FeedSubscription feed) {
        FeedFilter filter;
        try {
            filter = FilterParser.parse(feed.getFilter(), feed.getMinConfidence(), "filter");
        } catch (InvalidInputException e) {
            return false;
        }
        FeedPage page = query.page(filter, null, Math.min(feed.getMaxItems(), maxPageSize), true);
        StringBuilder fingerprint = new StringBuilder().append(partner.getUpdatedAt().toEpochMilli());
        for (FeedItem item : page.items()) {
            fingerprint.append('|').append(item.article().getArticleId()).append('@')
                    .append(item.article().getVersion()).append(item.article().getAction());
        }
        String key = partner.getPartnerId() + "/" + feed.getFeedId();
        String current = fingerprint.toString();
        if (Objects.equals(fingerprints.get(key), current)) {
            return false;
        }
        boolean done = true;
        for (FeedFormat format : FeedFormat.values()) {
            if (files.isPresent()) {
                FeedDocument document = assembler.assemble(partner, feed, format, null, null, "");
                files.get().write(partner.getPartnerId(), feed.getFeedId() + "." + format.extension(),
                        format.renderer().render(document, texts));
            }
            if (hub.isPresent()) {
                String topic = baseUrl.get() + FeedAssembler.feedPath(partner.getPartnerId(), feed.getFeedId(), format);
                try {
                    if (!hub.get().publish(topic)) {
                        LOG.warn("WebSub hub {} refused the ping for {}", hub.get().hub(), topic);
                        done = false;
                    }
                } catch (IOException e) {
                    LOG.warn("WebSub hub {} unreachable for {}: {}", hub.get().hub(), topic, e.getMessage());
                    done = false;
                }
            }
        }
        // A failed ping is retried on the next pass, because the fingerprint is kept only once all went out.
        if (done) {
            fingerprints.put(key, current);
        }
        return true;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
