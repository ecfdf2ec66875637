package dev.newsflow.syndicate.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the admin API. A partner is shown without its token hash and webhook secret; a filter is
 * given as a JSON object and stored as its text.
 */
public final class PartnerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartnerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static PartnerSpec parseSpec(String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedInputException("body", "body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedInputException("body", "body must be a JSON object");
        }
        List<FeedSpec> feeds = new ArrayList<>();
        JsonNode feedsNode = root.get("feeds");
        if (feedsNode != null && !feedsNode.isNull()) {
            if (!feedsNode.isArray()) {
                throw new MalformedInputException("feeds", "feeds must be an array");
            }
            for (int i = 0; i < feedsNode.size(); i++) {
                feeds.add(parseFeed(feedsNode.get(i), "feeds[" + i + "]"));
            }
        }
        return new PartnerSpec(text(root, "partnerId", "partnerId"), text(root, "displayName", "displayName"),
                feeds, text(root, "webhookUrl", "webhookUrl"), text(root, "webhookSecret", "webhookSecret"));
    }

    private static FeedSpec parseFeed(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new MalformedInputException(at, at + " must be an object");
        }
        String filter = null;
        JsonNode filterNode = node.get("filter");
        if (filterNode != null && !filterNode.isNull()) {
            if (filterNode.isObject()) {
                filter = filterNode.toString();
            } else if (filterNode.isTextual()) {
                filter = filterNode.asText();
            } else {
                throw new MalformedInputException(at + ".filter", at + ".filter must be a JSON object");
            }
        }
        double minConfidence = 0.0;
        JsonNode confidence = node.get("minConfidence");
        if (confidence != null && !confidence.isNull()) {
            if (!confidence.isNumber()) {
                throw new MalformedInputException(at + ".minConfidence", at + ".minConfidence must be a number");
            }
            minConfidence = confidence.asDouble();
        }
        int maxItems = FeedSpec.DEFAULT_MAX_ITEMS;
        JsonNode max = node.get("maxItems");
        if (max != null && !max.isNull()) {
            if (!max.canConvertToInt() || !max.isIntegralNumber()) {
                throw new MalformedInputException(at + ".maxItems", at + ".maxItems must be an integer");
            }
            maxItems = max.asInt();
        }
        return new FeedSpec(text(node, "feedId", at + ".feedId"), text(node, "title", at + ".title"), filter,
                minConfidence, maxItems);
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedInputException(field, field + " must be a string");
        }
        return value.asText();
    }

    /** The request body of a create or update, as the admin API reads it. */
    public static ObjectNode toRequestJson(PartnerSpec spec) {
        ObjectNode node = MAPPER.createObjectNode();
        if (spec.partnerId() != null) {
            node.put("partnerId", spec.partnerId());
        }
        node.put("displayName", spec.displayName());
        if (spec.webhookUrl() != null) {
            node.put("webhookUrl", spec.webhookUrl());
        }
        if (spec.webhookSecret() != null) {
            node.put("webhookSecret", spec.webhookSecret());
        }
        ArrayNode feeds = node.putArray("feeds");
        for (FeedSpec feed : spec.feeds()) {
            ObjectNode feedNode = feeds.addObject();
            feedNode.put("feedId", feed.feedId());
            feedNode.put("title", feed.title());
            if (feed.filter() != null) {
                try {
                    feedNode.set("filter", MAPPER.readTree(feed.filter()));
                } catch (JsonProcessingException e) {
                    // sent as text: the server answers 400 naming the field
                    feedNode.put("filter", feed.filter());
                }
            }
            feedNode.put("minConfidence", feed.minConfidence());
            feedNode.put("maxItems", feed.maxItems());
        }
        return node;
    }

    /** The admin view of a partner, with each feed's URLs under {@code baseUrl}. */
    public static ObjectNode toJson(PartnerSubscription partner, String baseUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("partnerId", partner.getPartnerId());
        node.put("displayName", partner.getDisplayName());
        node.put("enabled", partner.getEnabled());
        node.put("updatedAt", partner.getUpdatedAt().toString());
        if (partner.getWebhookUrl() != null) {
            node.put("webhookUrl", partner.getWebhookUrl());
        }
        ArrayNode feeds = node.putArray("feeds");
        for (FeedSubscription feed : partner.getFeeds()) {
            ObjectNode feedNode = feeds.addObject();
            feedNode.put("feedId", feed.getFeedId());
            feedNode.put("title", feed.getTitle());
            if (feed.getFilter() != null) {
                try {
                    feedNode.set("filter", MAPPER.readTree(feed.getFilter()));
                } catch (JsonProcessingException e) {
                    feedNode.put("filter", feed.getFilter());
                }
            } else {
                feedNode.putNull("filter");
            }
            feedNode.put("minConfidence", feed.getMinConfidence());
            feedNode.put("maxItems", feed.getMaxItems());
            ObjectNode urls = feedNode.putObject("urls");
            String prefix = baseUrl + "/feeds/" + partner.getPartnerId() + "/" + feed.getFeedId();
            urls.put("rss", prefix + ".rss");
            urls.put("atom", prefix + ".atom");
            urls.put("json", prefix + ".json");
        }
        return node;
    }
}
