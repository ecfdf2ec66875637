package dev.newsflow.syndicate.partner;

import dev.newsflow.platform.errors.ConflictException;
import dev.newsflow.platform.errors.InvalidInputException;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.errors.UnavailableException;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Manages partners: writes {@link PartnerSubscription} records to the compacted registry topic
 * (acks=all) and returns once this instance's global store shows the change, so a feed request made
 * right after a create already authenticates. Tokens are generated here, returned once, and only
 * their SHA-256 is written. Writes are serialised in this instance.
 */
public final class PartnerAdmin {
    private final Producer<String, PartnerSubscription> producer;
    private final String topic;
    private final Supplier<ReadOnlyKeyValueStore<String, PartnerSubscription>> store;
    private final Duration timeout;
    private final Clock clock;

    public PartnerAdmin(Producer<String, PartnerSubscription> producer, String topic,
                        Supplier<ReadOnlyKeyValueStore<String, PartnerSubscription>> store, Duration timeout,
                        Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.store = store;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Creates a partner; 409 when the id is taken. The returned token is not stored anywhere. */
    public synchronized CreatedPartner create(PartnerSpec spec) {
        PartnerValidator.validate(spec);
        if (get(spec.partnerId()).isPresent()) {
            throw new ConflictException("partnerId", "partner '" + spec.partnerId() + "' exists");
        }
        String token = PartnerTokens.newToken();
        PartnerSubscription partner = PartnerSubscription.newBuilder()
                .setPartnerId(spec.partnerId())
                .setDisplayName(spec.displayName().strip())
                .setEnabled(true)
                .setTokenHash(PartnerTokens.hash(token))
                .setFeeds(feeds(spec))
                .setWebhookUrl(blankToNull(spec.webhookUrl()))
                .setWebhookSecret(blankToNull(spec.webhookSecret()))
                .setUpdatedAt(nextUpdate(null))
                .build();
        return new CreatedPartner(write(partner), token);
    }

    /**
     * For start-up scripts such as the demo: creates the partner, or, when it exists (state kept from
     * an earlier run), replaces its name/feeds/webhook with the spec and issues a new token, since the
     * old one cannot be shown again.
     */
    public synchronized CreatedPartner createOrReissue(PartnerSpec spec) {
        if (get(spec.partnerId()).isEmpty()) {
            return create(spec);
        }
        update(spec.partnerId(), spec);
        return rotateToken(spec.partnerId());
    }

    /** Replaces name, feeds and webhook; keeps the token and the enabled flag. */
    public synchronized PartnerSubscription update(String partnerId, PartnerSpec spec) {
        PartnerSubscription current = require(partnerId);
        if (spec.partnerId() != null && !spec.partnerId().equals(partnerId)) {
            throw new InvalidInputException("partnerId", "partnerId in the body differs from the URL");
        }
        PartnerSpec checked = new PartnerSpec(partnerId, spec.displayName(), spec.feeds(), spec.webhookUrl(),
                spec.webhookSecret());
        PartnerValidator.validate(checked);
        PartnerSubscription next = PartnerSubscription.newBuilder(current)
                .setDisplayName(checked.displayName().strip())
                .setFeeds(feeds(checked))
                .setWebhookUrl(blankToNull(checked.webhookUrl()))
                .setWebhookSecret(blankToNull(checked.webhookSecret()))
                .setUpdatedAt(nextUpdate(current))
                .build();
        return write(next);
    }

    public synchronized PartnerSubscription setEnabled(String partnerId, boolean enabled) {
        PartnerSubscription current = require(partnerId);
        return write(PartnerSubscription.newBuilder(current).setEnabled(enabled)
                .setUpdatedAt(nextUpdate(current)).build());
    }

    /**
     * Re-writes the partner unchanged but with a newer {@code updatedAt}: this resumes a suspended
     * webhook (the push side resumes when it sees a partner record newer than the suspension).
     */
    public synchronized PartnerSubscription touch(String partnerId) {
        PartnerSubscription current = require(partnerId);
        return write(PartnerSubscription.newBuilder(current).setUpdatedAt(nextUpdate(current)).build());
    }

    /** A new token; the old one stops working as soon as this returns. */
    public synchronized CreatedPartner rotateToken(String partnerId) {
        PartnerSubscription current = require(partnerId);
        String token = PartnerTokens.newToken();
        PartnerSubscription next = PartnerSubscription.newBuilder(current).setTokenHash(PartnerTokens.hash(token))
                .setUpdatedAt(nextUpdate(current)).build();
        return new CreatedPartner(write(next), token);
    }

    public Optional<PartnerSubscription> get(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get().get(partnerId));
    }

    public List<PartnerSubscription> list() {
        List<PartnerSubscription> partners = new ArrayList<>();
        try (KeyValueIterator<String, PartnerSubscription> all = store.get().all()) {
            while (all.hasNext()) {
                KeyValue<String, PartnerSubscription> next = all.next();
                if (next.value != null) {
                    partners.add(next.value);
                }
            }
        }
        return partners;
    }

    private PartnerSubscription require(String partnerId) {
        return get(partnerId).orElseThrow(() -> new NotFoundException("no partner '" + partnerId + "'"));
    }

    private static List<FeedSubscription> feeds(PartnerSpec spec) {
        List<FeedSubscription> feeds = new ArrayList<>();
        for (FeedSpec feed : spec.feeds()) {
            feeds.add(FeedSubscription.newBuilder()
                    .setFeedId(feed.feedId())
                    .setTitle(feed.title().strip())
                    .setFilter(blankToNull(feed.filter()))
                    .setMinConfidence(feed.minConfidence())
                    .setMaxItems(feed.maxItems())
                    .build());
        }
        return feeds;
    }

    /** Millisecond precision (the Avro type), strictly after the current record so the write is recognisable. */
    private Instant nextUpdate(PartnerSubscription current) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (current != null && !now.isAfter(current.getUpdatedAt())) {
            return current.getUpdatedAt().plusMillis(1);
        }
        return now;
    }

    /**
     * Deletes a partner: a tombstone (null value) on the compacted registry topic, so compaction removes the record
     * and with it the token hash and webhook secret. Its feeds answer 404 as soon as this returns; the push side
     * drops its pending events and state, static output its files. The id can be used again.
     */
    public synchronized void delete(String partnerId) {
        require(partnerId);
        long deadline = send(partnerId, null);
        while (System.nanoTime() < deadline) {
            try {
                if (store.get().get(partnerId) == null) {
                    return;
                }
            } catch (InvalidStateStoreException e) {
                // rebalancing or restoring: try again until the deadline
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new UnavailableException("the deletion was written but is not yet visible; retry the read shortly");
    }

    /** Writes one record (null: a tombstone) with acks=all; returns the deadline for it to become visible. */
    private long send(String partnerId, PartnerSubscription value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            producer.send(new ProducerRecord<>(topic, partnerId, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new UnavailableException("the partner registry did not acknowledge the write: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", e);
        }
        return deadline;
    }

    private PartnerSubscription write(PartnerSubscription partner) {
        long deadline = send(partner.getPartnerId(), partner);
        // Read-your-writes: wait until the global store has caught up with this record.
        while (System.nanoTime() < deadline) {
            try {
                PartnerSubscription seen = store.get().get(partner.getPartnerId());
                if (seen != null && !seen.getUpdatedAt().isBefore(partner.getUpdatedAt())) {
                    return partner;
                }
            } catch (InvalidStateStoreException e) {
                // rebalancing or restoring: try again until the deadline
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new UnavailableException("the change was written but is not yet visible; retry the read shortly");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
