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
 * task and can number them). Keeps the last version of each article (kills carry no content; the
 * filters need the last content) and holds embargoed stories until their embargo passes.
 */
final class PushRouter implements Processor<String, EnrichedArticle, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(PushRouter.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Duration embargoCheckInterval;
    private final JsonFeedRenderer items = new JsonFeedRenderer();
    private final Map<String, FeedFilter> filters = new ConcurrentHashMap<>();
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, EnrichedArticle> articles;
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
        EnrichedArticle previous = articles.get(id);
        if (previous != null && previous.getVersion() >= incoming.getVersion()) {
            return;
        }
        EnrichedArticle next = FeedStateProcessor.merge(previous, incoming);
        if (next == null) {
            return;
        }
        articles.put(id, next);
        String event = eventType(previous, next);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (!ArticleTimes.released(next, now)) {
            embargoed.put(embargoKey(next), next);
            return;
        }
        route(next, event, record.timestamp());
    }

    private void releaseEmbargoes(long nowMs) {
        List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedArticle> iterator = embargoed.range(null, String.format("%013d~", nowMs))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<String, EnrichedArticle> entry : due) {
            embargoed.delete(entry.key);
            EnrichedArticle current = articles.get(entry.value.getArticleId());
            // only if no later version (a kill, a new embargo) has replaced it meanwhile
            if (current != null && current.getVersion() == entry.value.getVersion()) {
                route(current, current.getVersion() > 1 ? "updated" : "published", nowMs);
            }
        }
    }

    private static String embargoKey(EnrichedArticle article) {
        return String.format("%013d|%s", article.getEmbargoUntil().toEpochMilli(), article.getArticleId());
    }

    private static String eventType(EnrichedArticle previous, EnrichedArticle next) {
        if (next.getAction() == ArticleAction.KILL) {
            return "killed";
        }
        return previous == null || previous.getAction() == ArticleAction.KILL ? "published" : "updated";
    }

    private void route(EnrichedArticle article, String event, long timestamp) {
        try (KeyValueIterator<String, ValueAndTimestamp<PartnerSubscription>> all = partners.all()) {
            while (all.hasNext()) {
                ValueAndTimestamp<PartnerSubscription> value = all.next().value;
                PartnerSubscription partner = value == null ? null : value.value();
                if (partner == null || !partner.getEnabled() || partner.getWebhookUrl() == null) {
                    continue;
                }
                List<String> feeds = matchingFeeds(partner, article);
                if (!feeds.isEmpty()) {
                    context.forward(new Record<>(partner.getPartnerId(), event(partner, article, event, feeds),
                            timestamp));
                }
            }
        }
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

    private String event(PartnerSubscription partner, EnrichedArticle article, String event, List<String> feeds) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("partnerId", partner.getPartnerId());
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
