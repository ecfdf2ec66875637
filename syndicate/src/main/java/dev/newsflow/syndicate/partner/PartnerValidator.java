package dev.newsflow.syndicate.partner;

import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.syndicate.http.ProblemException;
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
            throw ProblemException.unprocessable("displayName is required", "displayName");
        }
        if (spec.feeds().isEmpty()) {
            throw ProblemException.unprocessable("a partner needs at least one feed", "feeds");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.feeds().size(); i++) {
            FeedSpec feed = spec.feeds().get(i);
            String at = "feeds[" + i + "]";
            if (feed == null) {
                throw ProblemException.unprocessable(at + " is null", at);
            }
            requireId(feed.feedId(), at + ".feedId");
            if (!seen.add(feed.feedId())) {
                throw ProblemException.unprocessable("feedId '" + feed.feedId() + "' appears twice", at + ".feedId");
            }
            if (feed.title() == null || feed.title().isBlank()) {
                throw ProblemException.unprocessable(at + ".title is required", at + ".title");
            }
            if (!(feed.minConfidence() >= 0.0 && feed.minConfidence() <= 1.0)) {
                throw ProblemException.unprocessable("minConfidence must be between 0 and 1", at + ".minConfidence");
            }
            if (feed.maxItems() < 1 || feed.maxItems() > MAX_ITEMS_LIMIT) {
                throw ProblemException.unprocessable("maxItems must be between 1 and " + MAX_ITEMS_LIMIT,
                        at + ".maxItems");
            }
            FilterParser.parse(feed.filter(), feed.minConfidence(), at + ".filter");
        }
        if (spec.webhookUrl() != null && !spec.webhookUrl().isBlank()) {
            if (dev.newsflow.syndicate.render.ItemContent.absoluteHttpUrl(spec.webhookUrl()).isEmpty()) {
                throw ProblemException.unprocessable("webhookUrl must be an absolute http(s) URL", "webhookUrl");
            }
            if (spec.webhookSecret() == null || spec.webhookSecret().length() < 16) {
                throw ProblemException.unprocessable("a webhook needs a webhookSecret of at least 16 characters",
                        "webhookSecret");
            }
        }
    }

    public static void requireId(String id, String field) {
        if (id == null || id.isEmpty()) {
            throw ProblemException.unprocessable(field + " is required", field);
        }
        if (!ID.matcher(id).matches()) {
            throw ProblemException.unprocessable(field + " must match " + ID.pattern(), field);
        }
    }
}
