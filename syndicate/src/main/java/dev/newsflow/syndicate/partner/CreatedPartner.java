package dev.newsflow.syndicate.partner;

import dev.newsflow.schema.PartnerSubscription;

/** A partner just written, with its bearer token in clear: the only time the token is shown. */
public record CreatedPartner(PartnerSubscription partner, String token) {
}
