package dev.newsflow.syndicate.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.partner.PartnerTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook push on TopologyTestDriver (wall-clock punctuation driven by the test) with a real local receiver. */
class PushTopologyTest {
    private static final String SECRET = "a-webhook-secret-of-some-length";
    /** The driver's wall clock starts at the real time, so the receiver can check signature timestamps. */
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    Path stateDir;

    private WebhookReceiver receiver;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> articles;
    private TestInputTopic<String, PartnerSubscription> partners;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private Topology topology;
    private TopicCatalogue topics;
    private SyndicateConfig config;
    private final DeliveryLog log = new DeliveryLog(100);

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        config = new SyndicateConfig(Map.of(
                "schema.registry.url", "mock://syndicate-push-" + UUID.randomUUID(),
                "auto.register.schemas", "true",
                "state.dir", stateDir.toString(),
                SyndicateConfig.PUSH_INTERVAL_MS, "100",
                SyndicateConfig.PUSH_BACKOFF_INITIAL_MS, "1000",
                SyndicateConfig.PUSH_SUSPEND_AFTER_FAILURES, "3"));
        topics = TopicCatalogue.create(config.serdeConfig());
        // no jitter, so the test knows when the next attempt is due
        topology = new PushTopology(topics,
                WebhookDeliveryWorker.inCallingThread(WebhookSender.http(Duration.ofSeconds(5)), Clock.systemUTC()),
                log, () -> 0L, Clock.systemUTC())
                .buildTopology(config);
        Properties properties = new Properties();
        properties.putAll(config.pushStreamsConfig());
        properties.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(topology, properties, START);
        articles = driver.createInputTopic(topics.articlesEnriched().name(),
                topics.articlesEnriched().keySerde().serializer(), topics.articlesEnriched().valueSerde().serializer());
        partners = driver.createInputTopic(topics.partnerSubscriptions().name(),
                topics.partnerSubscriptions().keySerde().serializer(),
                topics.partnerSubscriptions().valueSerde().serializer());
        deadLetters = driver.createOutputTopic(topics.articlesDeadLetter().name(),
                topics.articlesDeadLetter().keySerde().deserializer(),
                topics.articlesDeadLetter().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        receiver.close();
    }

    @Test
    void namesArePinned() {
        String description = topology.describe().toString();
        assertThat(description).contains(PushTopology.ARTICLES_SOURCE, PushTopology.ROUTER, PushTopology.BY_PARTNER,
                PushTopology.DELIVERER, PushTopology.OUTBOX_STORE, PushTopology.STATUS_STORE,
                PushTopology.ARTICLES_STORE, PushTopology.EMBARGO_STORE, PushTopology.PARTNERS_STORE,
                PushTopology.DEAD_LETTER_SINK);
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void publishUpdateAndKillArriveSignedNumberedAndInOrder() {
        partners.pipeInput("acme", partner("acme", START, "{\"section\":\"News\"}"));
        articles.pipeInput("a", Articles.story("a", "First").build());
        articles.pipeInput("b", Articles.story("b", "Sport story").setSection("Sport").build());
        articles.pipeInput("a", Articles.story("a", "First, updated").setVersion(2).setAction(ArticleAction.UPDATE)
                .build());
        articles.pipeInput("a", Articles.story("a", "").setVersion(3).setAction(ArticleAction.KILL).build());
        driver.advanceWallClockTime(Duration.ofMillis(200));

        List<WebhookReceiver.Received> got = receiver.accepted();
        assertThat(got).extracting(WebhookReceiver.Received::sequence).containsExactly(1L, 2L, 3L);
        assertThat(got).extracting(WebhookReceiver.Received::event).containsExactly("published", "updated", "killed");
        assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(got.get(0).body()).contains("\"title\":\"First\"", "\"feeds\":[\"news\"]", "\"sequence\":1");
        // the killed event carries the tombstone item the JSON Feed shows: the GUID the partner saw, nothing of the story
        assertThat(got.get(2).body()).contains("\"id\":\"urn:newsflow:article:a\"", "\"deleted\":true",
                "\"version\":3").doesNotContain("First");
        assertThat(log.attempts("acme")).hasSize(3).allMatch(a -> a.status() == 200);
    }

    /** The router reads every partner per article: an unchanged record is decoded once, a changed one at once. */
    @Test
    void partnersAreDecodedOncePerStoredRecord() {
        partners.pipeInput("acme", partner("acme", START, null));
        KeyValueStore<String, ValueAndTimestamp<PartnerSubscription>> store =
                driver.getTimestampedKeyValueStore(PushTopology.PARTNERS_STORE);
        PartnerSubscription first = store.get("acme").value();
        assertThat(store.get("acme").value()).isSameAs(first);

        partners.pipeInput("acme", PartnerSubscription.newBuilder(first).setEnabled(false).build());
        assertThat(store.get("acme").value().getEnabled()).isFalse();
    }

    /** A deleted partner's waiting events are dropped: a partner created later with the same id starts afresh. */
    @Test
    void aDeletedPartnersPendingEventsAndStateAreDropped() {
        receiver.answer(() -> 503);
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("a", Articles.story("a", "Before the deletion").build());
        articles.pipeInput("b", Articles.story("b", "Also before").build());
        driver.advanceWallClockTime(Duration.ofMillis(100)); // attempt 1 fails; both wait
        assertThat(receiver.received()).hasSize(1);

        partners.pipeInput("acme", (PartnerSubscription) null); // the tombstone
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        receiver.answer(() -> 200);
        partners.pipeInput("acme", partner("acme", START.plusSeconds(5), null));
        articles.pipeInput("c", Articles.story("c", "After").build());
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        List<WebhookReceiver.Received> accepted = receiver.accepted();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).sequence()).isEqualTo(1L);
        assertThat(accepted.get(0).body()).contains("After").doesNotContain("before");
    }

    @Test
    void failuresAreRetriedWithBackoffWithoutReordering() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() <= 2 ? 503 : 200);
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("a", Articles.story("a", "One").build());
        articles.pipeInput("b", Articles.story("b", "Two").build());

        driver.advanceWallClockTime(Duration.ofMillis(100)); // attempt 1 fails -> wait 1 s
        assertThat(receiver.received()).hasSize(1);
        driver.advanceWallClockTime(Duration.ofMillis(500)); // still backing off
        assertThat(receiver.received()).hasSize(1);
        driver.advanceWallClockTime(Duration.ofMillis(600)); // attempt 2 fails -> wait 2 s
        assertThat(receiver.received()).hasSize(2);
        driver.advanceWallClockTime(Duration.ofMillis(1500));
        assertThat(receiver.received()).hasSize(2);
        driver.advanceWallClockTime(Duration.ofMillis(600)); // attempt 3 succeeds, then #2 follows
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::sequence).containsExactly(1L, 1L, 1L, 2L);
        assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::sequence).containsExactly(1L, 2L);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aWebhookIsSuspendedAfterNFailuresAndResumedByANewerPartnerRecord() {
        receiver.answer(() -> 500);
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("a", Articles.story("a", "One").build());
        for (int i = 0; i < 10; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(10));
        }
        assertThat(receiver.received()).hasSize(3);
        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getStage()).isEqualTo("webhook");
        assertThat(dead.getErrorMessage()).contains("acme", "suspended");

        receiver.answer(() -> 200);
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertThat(receiver.accepted()).isEmpty();
        partners.pipeInput("acme", partner("acme", START.plusSeconds(5), null)); // the admin's resume
        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::sequence).containsExactly(1L);
    }

    /** A kill is for everyone who was sent the story: not decided again by filters that may have changed since. */
    @Test
    void aKillReachesEveryPartnerThatWasSentTheStoryAndNoOneElse() throws Exception {
        try (WebhookReceiver late = new WebhookReceiver(SECRET)) {
            partners.pipeInput("acme", partner("acme", START, "{\"section\":\"News\"}"));
            articles.pipeInput("a", Articles.story("a", "First").build());
            driver.advanceWallClockTime(Duration.ofMillis(200));
            partners.pipeInput("acme", partner("acme", START.plusSeconds(1), "{\"section\":\"Sport\"}"));
            partners.pipeInput("late", PartnerSubscription.newBuilder(partner("late", START.plusSeconds(1), null))
                    .setWebhookUrl(late.url()).build());

            articles.pipeInput("a", Articles.story("a", "").setVersion(2).setAction(ArticleAction.KILL).build());
            driver.advanceWallClockTime(Duration.ofMillis(200));

            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::event)
                    .containsExactly("published", "killed");
            assertThat(receiver.accepted().get(1).body()).contains("\"feeds\":[\"news\"]", "\"deleted\":true");
            assertThat(late.received()).isEmpty();
        }
    }

    /** A kill takes effect at once, even when the version it replaces is still under embargo. */
    @Test
    void aKillOfAStoryWhoseLatestVersionIsEmbargoedCarriesTheTimeOfTheKill() {
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("a", Articles.story("a", "First").build());
        Instant embargo = START.plus(Duration.ofHours(6));
        articles.pipeInput("a", Articles.story("a", "Embargoed update").setVersion(2).setAction(ArticleAction.UPDATE)
                .setEmbargoUntil(embargo).build());
        articles.pipeInput("a", Articles.story("a", "").setVersion(3).setAction(ArticleAction.KILL).build());
        driver.advanceWallClockTime(Duration.ofMillis(200));

        List<WebhookReceiver.Received> got = receiver.accepted();
        assertThat(got).extracting(WebhookReceiver.Received::event).containsExactly("published", "killed");
        assertThat(got.get(1).body()).doesNotContain(embargo.toString());
    }

    /** A story an earlier release stored: its next versions keep the partners its filters reached for the kill. */
    @Test
    void aStoryAnEarlierReleaseStoredKeepsThePartnersItsFiltersReachedForItsKill() {
        partners.pipeInput("acme", partner("acme", START, "{\"section\":\"News\"}"));
        KeyValueStore<String, PushedArticle> store = driver.getKeyValueStore(PushTopology.ARTICLES_STORE);
        store.put("a", PushedArticle.legacy(Articles.story("a", "Stored by an earlier release").build()));

        articles.pipeInput("a", Articles.story("a", "Moved to sport").setSection("Sport").setVersion(2)
                .setAction(ArticleAction.UPDATE).build());
        articles.pipeInput("a", Articles.story("a", "").setVersion(3).setAction(ArticleAction.KILL).build());
        driver.advanceWallClockTime(Duration.ofMillis(200));

        assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::event).containsExactly("killed");
    }

    /** An entry an earlier release wrote (the whole article, no partners) still gets its kill out, by the filters. */
    @Test
    void aKillOfAStoryAnEarlierReleaseStoredIsRoutedByTheFilters() {
        partners.pipeInput("acme", partner("acme", START, "{\"section\":\"News\"}"));
        KeyValueStore<String, PushedArticle> store = driver.getKeyValueStore(PushTopology.ARTICLES_STORE);
        store.put("a", PushedArticle.legacy(Articles.story("a", "Stored by an earlier release").build()));

        articles.pipeInput("a", Articles.story("a", "").setVersion(2).setAction(ArticleAction.KILL).build());
        driver.advanceWallClockTime(Duration.ofMillis(200));

        assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::event).containsExactly("killed");
        assertThat(store.get("a").legacyContent()).isNull();
        assertThat(store.get("a").pushedTo()).containsOnlyKeys("acme");
    }

    @Test
    void anEmbargoedStoryIsPushedOnlyWhenTheEmbargoPasses() {
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("e", Articles.story("e", "Embargoed").setEmbargoUntil(START.plusSeconds(30)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(receiver.received()).isEmpty();
        driver.advanceWallClockTime(Duration.ofSeconds(25));
        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::event).containsExactly("published");
    }

    @Test
    void partnersWithoutWebhookOrNotMatchingGetNothing() throws Exception {
        try (WebhookReceiver other = new WebhookReceiver(SECRET)) {
            partners.pipeInput("acme", partner("acme", START, "{\"section\":\"Sport\"}"));
            PartnerSubscription noHook = PartnerSubscription.newBuilder(partner("nohook", START, null))
                    .setWebhookUrl(null).setWebhookSecret(null).build();
            partners.pipeInput("nohook", noHook);
            articles.pipeInput("a", Articles.story("a", "News story").build());
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(receiver.received()).isEmpty();
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void aSlowPartnerIsWaitedOnOutsideTheStreamThreadWhileOthersAreDeliveredAndOutcomesAreRecordedBack()
            throws Exception {
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        List<String> posted = new CopyOnWriteArrayList<>();
        AtomicInteger slowAnswered = new AtomicInteger();
        WebhookSender sender = (url, body, headers) -> {
            String partner = headers.get("X-Newsflow-Partner");
            posted.add(partner + "#" + headers.get("X-Newsflow-Sequence"));
            if (partner.equals("slow")) {
                try {
                    slowMayAnswer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowAnswered.incrementAndGet();
            }
            return 200;
        };
        try (WebhookDeliveryWorker worker = WebhookDeliveryWorker.pooled(sender, 2, Clock.systemUTC());
             TopologyTestDriver pooled = driverWith(worker)) {
            TestInputTopic<String, PartnerSubscription> partnerInput = input(pooled, topics.partnerSubscriptions());
            TestInputTopic<String, EnrichedArticle> articleInput = input(pooled, topics.articlesEnriched());
            partnerInput.pipeInput("slow", partner("slow", START, null));
            partnerInput.pipeInput("fast", partner("fast", START, null));
            articleInput.pipeInput("a", Articles.story("a", "One").build());

            long started = System.nanoTime();
            pooled.advanceWallClockTime(Duration.ofMillis(200)); // both handed to the worker
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the punctuation does not wait for the slow partner").isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> posted.contains("fast#1") && posted.contains("slow#1"));
            pooled.advanceWallClockTime(Duration.ofMillis(200)); // the fast outcome is recorded
            KeyValueStore<String, String> outbox = pooled.getKeyValueStore(PushTopology.OUTBOX_STORE);
            KeyValueStore<String, String> status = pooled.getKeyValueStore(PushTopology.STATUS_STORE);
            assertThat(outbox.get(WebhookDeliverer.outboxKey("fast", 1))).isNull();
            assertThat(PushStatus.fromJson(status.get("fast")).delivered()).isEqualTo(1);
            assertThat(outbox.get(WebhookDeliverer.outboxKey("slow", 1))).as("still at the receiver").isNotNull();
            pooled.advanceWallClockTime(Duration.ofMillis(200));
            assertThat(posted).as("a partner with a delivery under way is not sent it again")
                    .containsOnlyOnce("slow#1");

            slowMayAnswer.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> slowAnswered.get() == 1);
            // the driver is not thread-safe: the test's own thread advances it
            await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
                pooled.advanceWallClockTime(Duration.ofMillis(200));
                assertThat(outbox.get(WebhookDeliverer.outboxKey("slow", 1))).isNull();
            });
            assertThat(PushStatus.fromJson(status.get("slow")).delivered()).isEqualTo(1);
            assertThat(log.attempts("slow")).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(200));
        } finally {
            slowMayAnswer.countDown();
        }
    }

    @Test
    void anAnswerRetryingCannotChangeSuspendsTheWebhookAtOnce() {
        receiver.answer(() -> 410);
        partners.pipeInput("acme", partner("acme", START, null));
        articles.pipeInput("a", Articles.story("a", "One").build());
        for (int i = 0; i < 5; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(10));
        }
        assertThat(receiver.received()).as("410 Gone is not retried").hasSize(1);
        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getStage()).isEqualTo("webhook");
        assertThat(dead.getErrorMessage()).contains("acme", "suspended", "410");
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCapWithJitterOnTop() {
        WebhookDeliverer.PushSettings settings = new WebhookDeliverer.PushSettings(Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofSeconds(5));
        WebhookDeliverer noJitter = new WebhookDeliverer(settings, null, log, () -> 0L, null);
        assertThat(List.of(noJitter.backoff(1), noJitter.backoff(2), noJitter.backoff(3), noJitter.backoff(7),
                noJitter.backoff(40))).containsExactly(1000L, 2000L, 4000L, 60000L, 60000L);
        WebhookDeliverer maxJitter = new WebhookDeliverer(settings, null, log, () -> -1L, null);
        assertThat(maxJitter.backoff(2)).isBetween(2000L, 3000L);
    }

    /** A second driver over its own state, with the given worker, for tests of the worker's threads. */
    private TopologyTestDriver driverWith(WebhookDeliveryWorker worker) {
        Properties properties = new Properties();
        properties.putAll(config.pushStreamsConfig());
        properties.put("bootstrap.servers", "unused:9092");
        properties.put("state.dir", stateDir.resolve("pooled").toString());
        return new TopologyTestDriver(new PushTopology(topics, worker, log, () -> 0L, Clock.systemUTC())
                .buildTopology(config), properties, START);
    }

    private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver,
                                                       dev.newsflow.schemas.topics.TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private PartnerSubscription partner(String id, Instant updatedAt, String filter) {
        return PartnerSubscription.newBuilder()
                .setPartnerId(id).setDisplayName(id).setEnabled(true).setTokenHash(PartnerTokens.hash("t"))
                .setFeeds(List.of(FeedSubscription.newBuilder().setFeedId("news").setTitle("News").setFilter(filter)
                        .setMinConfidence(0.0).setMaxItems(100).build()))
                .setWebhookUrl(receiver.url()).setWebhookSecret(SECRET).setUpdatedAt(updatedAt).build();
    }
}
