package dev.newsflow.syndicate.partner;

import java.util.List;

/** A partner as an admin submits it; the token is never part of it. */
public record PartnerSpec(String partnerId, String displayName, List<FeedSpec> feeds, String webhookUrl,
                          String webhookSecret) {
    public PartnerSpec {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public static PartnerSpec of(String partnerId, String displayName, FeedSpec... feeds) {
        return new PartnerSpec(partnerId, displayName, List.of(feeds), null, null);
    }
}
