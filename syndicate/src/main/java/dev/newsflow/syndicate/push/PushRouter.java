package dev.newsflow.syndicate.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.syndicate.render.JsonFeedRenderer;
import dev.newsflow.syndicate.state.ArticleTimes;
import dev.newsflow.syndicate.state.FeedStateProcessor;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each new article version into one push event per partner whose webhook feeds match it,
 * keyed by partner id (so the next step, after repartitioning, sees all of a partner's events in one
 * task and can number them). Keeps, per article, its last version and the partners it was pushed to
 * ({@link PushedArticle}: a kill carries no content, and goes to everyone who was sent the story) and
 * holds embargoed stories until their embargo passes.
 */
final class PushRouter implements Processor<String, EnrichedArticle, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(PushRouter.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Duration embargoCheckInterval;
    private final JsonFeedRenderer items = new JsonFeedRenderer();
    private final Map<String, FeedFilter> filters = new ConcurrentHashMap<>();
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, PushedArticle> articles;
    private KeyValueStore<String, EnrichedArticle> embargoed;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<PartnerSubscription>> partners;

    PushRouter(Duration embargoCheckInterval) {
        this.embargoCheckInterval = embargoCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        articles = context.getStateStore(PushTopology.ARTICLES_STORE);
        embargoed = context.getStateStore(PushTopology.EMBARGO_STORE);
        TimestampedKeyValueStore<String, PartnerSubscription> store = context.getStateStore(PushTopology.PARTNERS_STORE);
        partners = store;
        context.schedule(embargoCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::releaseEmbargoes);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle incoming = record.value();
        if (incoming == null) {
            return;
        }
        String id = incoming.getArticleId();
        PushedArticle previous = articles.get(id);
        if (previous != null && previous.version() >= incoming.getVersion()) {
            return;
        }
        if (previous != null && previous.legacyContent() != null && incoming.getAction() != ArticleAction.KILL) {
            // An earlier release kept no partner list: those the old rule (the filters) reached stand in for it.
            previous = previous.alsoPushedTo(matchingPartners(previous.legacyContent()));
        }
        EnrichedArticle next = merge(previous, incoming);
        if (next == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (!ArticleTimes.released(next, now)) {
            embargoed.put(embargoKey(next), next);
            articles.put(id, PushedArticle.after(previous, next, Map.of()));
            return;
        }
        Map<String, List<String>> routed = next.getAction() == ArticleAction.KILL && previous.legacyContent() == null
                ? routeKill(next, previous.pushedTo(), record.timestamp())
                : route(next, eventType(previous, next), record.timestamp());
        articles.put(id, PushedArticle.after(previous, next, routed));
    }

    /**
     * The version to push: a kill keeps the first publication time (and, for an earlier release's entry, the last
     * content, whose filters then say who gets it); another version keeps the first publication time unless it
     * gives one. Null for a kill of an article never seen.
     */
    private static EnrichedArticle merge(PushedArticle previous, EnrichedArticle incoming) {
        if (incoming.getAction() == ArticleAction.KILL) {
            if (previous == null) {
                return null;
            }
            if (previous.legacyContent() != null) {
                return FeedStateProcessor.merge(previous.legacyContent(), incoming);
            }
            // A kill takes effect at once: an embargo of the version it replaces does not delay it.
            return EnrichedArticle.newBuilder(incoming).setPublishedAt(previous.published()).setEmbargoUntil(null)
                    .build();
        }
        return FeedStateProcessor.withFirstPublication(incoming,
                previous != null && !previous.killed() ? previous.publishedOrReleased() : null);
    }

    private void releaseEmbargoes(long nowMs) {
        List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedArticle> iterator = embargoed.range(null, String.format("%013d~", nowMs))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<String, EnrichedArticle> entry : due) {
            embargoed.delete(entry.key);
            EnrichedArticle held = entry.value;
            PushedArticle current = articles.get(held.getArticleId());
            // only if no later version (a kill, a new embargo) has replaced it meanwhile
            if (current != null && current.version() == held.getVersion()) {
                Map<String, List<String>> routed = route(held, held.getVersion() > 1 ? "updated" : "published", nowMs);
                articles.put(held.getArticleId(), PushedArticle.after(current, held, routed));
            }
        }
    }

    private static String embargoKey(EnrichedArticle article) {
        return String.format("%013d|%s", article.getEmbargoUntil().toEpochMilli(), article.getArticleId());
    }

    private static String eventType(PushedArticle previous, EnrichedArticle next) {
        if (next.getAction() == ArticleAction.KILL) {
            return "killed";
        }
        return previous == null || previous.killed() ? "published" : "updated";
    }

    /** Sends the version to every partner whose webhook feeds match it; returns them with those feeds. */
    private Map<String, List<String>> route(EnrichedArticle article, String event, long timestamp) {
        Map<String, List<String>> matching = matchingPartners(article);
        matching.forEach((partnerId, feeds) ->
                context.forward(new Record<>(partnerId, event(partnerId, article, event, feeds), timestamp)));
        return matching;
    }

    /** The partners taking pushes whose webhook feeds match the article, with those feeds. */
    private Map<String, List<String>> matchingPartners(EnrichedArticle article) {
        Map<String, List<String>> matching = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<PartnerSubscription>> all = partners.all()) {
            while (all.hasNext()) {
                PartnerSubscription partner = pushable(all.next().value);
                if (partner == null) {
                    continue;
                }
                List<String> feeds = matchingFeeds(partner, article);
                if (!feeds.isEmpty()) {
                    matching.put(partner.getPartnerId(), feeds);
                }
            }
        }
        return matching;
    }

    /** Sends the kill to every partner that was sent a version of the story and still takes pushes. */
    private Map<String, List<String>> routeKill(EnrichedArticle kill, Map<String, List<String>> pushedTo,
                                                long timestamp) {
        Map<String, List<String>> routed = new TreeMap<>();
        pushedTo.forEach((partnerId, feeds) -> {
            if (pushable(partners.get(partnerId)) != null) {
                context.forward(new Record<>(partnerId, event(partnerId, kill, "killed", feeds), timestamp));
                routed.put(partnerId, feeds);
            }
        });
        return routed;
    }

    private static PartnerSubscription pushable(ValueAndTimestamp<PartnerSubscription> value) {
        PartnerSubscription partner = value == null ? null : value.value();
        return partner == null || !partner.getEnabled() || partner.getWebhookUrl() == null ? null : partner;
    }

    private List<String> matchingFeeds(PartnerSubscription partner, EnrichedArticle article) {
        List<String> matching = new ArrayList<>();
        for (FeedSubscription feed : partner.getFeeds()) {
            String key = feed.getMinConfidence() + "|" + (feed.getFilter() == null ? "" : feed.getFilter());
            FeedFilter filter;
            try {
                filter = filters.computeIfAbsent(key,
                        ignored -> FilterParser.parse(feed.getFilter(), feed.getMinConfidence(), "filter"));
            } catch (InvalidInputException e) {
                // written to the topic by something other than the admin API; that feed cannot match
                LOG.warn("partner {} feed {} has an invalid filter: {}", partner.getPartnerId(), feed.getFeedId(),
                        e.getMessage());
                continue;
            }
            if (filter.matches(article)) {
                matching.add(feed.getFeedId());
            }
        }
        return matching;
    }

    private String event(String partnerId, EnrichedArticle article, String event, List<String> feeds) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("partnerId", partnerId);
        body.put("event", event);
        ArrayNode feedIds = body.putArray("feeds");
        feeds.forEach(feedIds::add);
        body.put("articleId", article.getArticleId());
        body.put("version", article.getVersion());
        body.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(ArticleTimes.updated(article)));
        body.set("item", event.equals("killed") ? items.tombstone(article) : items.item(article));
        return body.toString();
    }
}
