package dev.newsflow.syndicate.partner;

import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.syndicate.filter.FilterParser;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a partner before it is written; every problem names the field (400/422 problem JSON). */
public final class PartnerValidator {
    /** Ids appear in URLs and in the topic key: lower-case, digits, dot, dash, underscore. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final int MAX_ITEMS_LIMIT = 10_000;

    private PartnerValidator() {
    }

    public static void validate(PartnerSpec spec) {
        requireId(spec.partnerId(), "partnerId");
        if (spec.displayName() == null || spec.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "displayName is required");
        }
        if (spec.feeds().isEmpty()) {
            throw new InvalidInputException("feeds", "a partner needs at least one feed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.feeds().size(); i++) {
            FeedSpec feed = spec.feeds().get(i);
            String at = "feeds[" + i + "]";
            if (feed == null) {
                throw new InvalidInputException(at, at + " is null");
            }
            requireId(feed.feedId(), at + ".feedId");
            if (!seen.add(feed.feedId())) {
                throw new InvalidInputException(at + ".feedId", "feedId '" + feed.feedId() + "' appears twice");
            }
            if (feed.title() == null || feed.title().isBlank()) {
                throw new InvalidInputException(at + ".title", at + ".title is required");
            }
            if (!(feed.minConfidence() >= 0.0 && feed.minConfidence() <= 1.0)) {
                throw new InvalidInputException(at + ".minConfidence", "minConfidence must be between 0 and 1");
            }
            if (feed.maxItems() < 1 || feed.maxItems() > MAX_ITEMS_LIMIT) {
                throw new InvalidInputException(at + ".maxItems", "maxItems must be between 1 and "
                        + MAX_ITEMS_LIMIT);
            }
            FilterParser.parse(feed.filter(), feed.minConfidence(), at + ".filter");
        }
        if (spec.webhookUrl() != null && !spec.webhookUrl().isBlank()) {
            if (dev.newsflow.syndicate.render.ItemContent.absoluteHttpUrl(spec.webhookUrl()).isEmpty()) {
                throw new InvalidInputException("webhookUrl", "webhookUrl must be an absolute http(s) URL");
            }
            if (spec.webhookSecret() == null || spec.webhookSecret().length() < 16) {
                throw new InvalidInputException("webhookSecret",
                        "a webhook needs a webhookSecret of at least 16 characters");
            }
        }
    }

    public static void requireId(String id, String field) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(field, field + " must match " + ID.pattern());
        }
    }
}
