package dev.newsflow.syndicate;

import dev.newsflow.platform.http.OpenApiDocument;
import dev.newsflow.platform.health.StreamsHealth;
import dev.newsflow.platform.http.ServiceEndpoints;
import dev.newsflow.platform.kafka.StreamThreadFailurePolicy;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import dev.newsflow.syndicate.http.AdminRoutes;
import dev.newsflow.syndicate.http.FeedRoutes;
import dev.newsflow.syndicate.http.PartnerGuideRoutes;
import dev.newsflow.syndicate.http.SyndicateProblems;
import dev.newsflow.syndicate.partner.PartnerAdmin;
import dev.newsflow.syndicate.publish.FeedChangeWatcher;
import dev.newsflow.syndicate.publish.StaticFeedWriter;
import dev.newsflow.syndicate.publish.WebSubPublisher;
import dev.newsflow.syndicate.push.DeliveryLog;
import dev.newsflow.syndicate.push.PushStateView;
import dev.newsflow.syndicate.push.PushTopology;
import dev.newsflow.syndicate.push.WebhookDeliveryWorker;
import dev.newsflow.syndicate.push.WebhookSender;
import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.render.ItemTextCache;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedQuery;
import dev.newsflow.syndicate.state.FeedStateTopology;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.StateVersion;
import dev.newsflow.syndicate.state.StreamsFeedStateView;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The syndicate service: makes sure its topics exist, runs the feed-state Streams application and
 * serves feeds, the partner admin API, {@code /health} and {@code /metrics} over HTTP.
 */
public final class SyndicateService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyndicateService.class);
    /** The feeds and admin API, described for {@code GET /openapi.json}. */
    public static final String OPENAPI_RESOURCE = "/dev/newsflow/syndicate/openapi.json";

    private final SyndicateConfig config;
    private final KafkaStreams streams;
    private final Producer<String, PartnerSubscription> producer;
    private final PartnerAdmin partners;
    private final Javalin http;
    private final KafkaStreams push;
    private final WebhookDeliveryWorker pushWorker;
    private final FeedChangeWatcher watcher;
    private final ServiceEndpoints endpoints;
    private final List<AutoCloseable> clientMetrics;

    private SyndicateService(SyndicateConfig config, KafkaStreams streams,
                             Producer<String, PartnerSubscription> producer, PartnerAdmin partners, Javalin http,
                             KafkaStreams push, WebhookDeliveryWorker pushWorker, FeedChangeWatcher watcher,
                             ServiceEndpoints endpoints, List<AutoCloseable> clientMetrics) {
        this.pushWorker = pushWorker;
        this.watcher = watcher;
        this.endpoints = endpoints;
        this.clientMetrics = clientMetrics;
        this.config = config;
        this.streams = streams;
        this.producer = producer;
        this.partners = partners;
        this.http = http;
        this.push = push;
    }

    public static SyndicateService start(SyndicateConfig config) {
        TopicCatalogue topics = TopicCatalogue.create(config.serdeConfig());
        List<TopicSpec<?, ?>> needed = List.of(topics.articlesEnriched(), topics.partnerSubscriptions());
        config.topicBootstrap().ensure(needed);

        Properties streamsProperties = new Properties();
        streamsProperties.putAll(config.streamsConfig());
        StateVersion version = new StateVersion();
        FeedStateTopology feedState = new FeedStateTopology(topics, version);
        KafkaStreams streams = new KafkaStreams(feedState.buildTopology(config), streamsProperties);
        streams.setStateListener((next, previous) -> {
            // Restores write stores without the processor: any state change invalidates cached pages too.
            version.bump();
            if (!next.isRunningOrRebalancing()) {
                feedState.partnerDirectory().withdraw();
            }
        });
        StreamsHealth feedStateHealth = StreamsHealth.of("feed-state", streams);
        streams.setUncaughtExceptionHandler(feedStateHealth.watching(
                StreamThreadFailurePolicy.standard("syndicate feed state")));
        Producer<String, PartnerSubscription> producer = null;
        Javalin http = null;
        KafkaStreams push = null;
        WebhookDeliveryWorker pushWorker = null;
        StreamsHealth pushHealth = null;
        ServiceEndpoints endpoints = null;
        List<AutoCloseable> clientMetrics = new ArrayList<>();
        FeedChangeWatcher watcher = null;
        DeliveryLog deliveries = new DeliveryLog(200);
        try {
            streams.start();
            if (config.pushEnabled()) {
                Properties pushProperties = new Properties();
                pushProperties.putAll(config.pushStreamsConfig());
                // POSTs go out on the worker's threads: a slow partner never holds a stream thread
                pushWorker = WebhookDeliveryWorker.pooled(WebhookSender.http(config.pushTimeout()),
                        config.pushDeliveryThreads(), Clock.systemUTC());
                push = new KafkaStreams(new PushTopology(topics, pushWorker, deliveries).buildTopology(config),
                        pushProperties);
                pushHealth = StreamsHealth.of("webhook-push", push);
                push.setUncaughtExceptionHandler(pushHealth.watching(StreamThreadFailurePolicy.standard("syndicate push")));
                push.start();
            }
            awaitRunning(streams, config.startupTimeout());
            producer = partnerProducer(config, topics.partnerSubscriptions());
            FeedStateView state = new StreamsFeedStateView(streams, feedState);
            PartnerAdmin partners = new PartnerAdmin(producer, topics.partnerSubscriptions().name(), state::partners,
                    config.adminWriteTimeout(), Clock.systemUTC());
            endpoints = new ServiceEndpoints("syndicate", config).streams(feedStateHealth)
                    .endpoint("/feeds/{partner}/{feed}.rss", "RSS 2.0 (partner token)")
                    .endpoint("/feeds/{partner}/{feed}.atom", "Atom 1.0 (partner token)")
                    .endpoint("/feeds/{partner}/{feed}.json", "JSON Feed 1.1 (partner token)")
                    .endpoint("/v1/partners", "the partner admin API (admin token)");
            if (pushHealth != null) {
                endpoints.streams(pushHealth);
            }
            clientMetrics.add(bind(new KafkaStreamsMetrics(streams), endpoints));
            if (push != null) {
                clientMetrics.add(bind(new KafkaStreamsMetrics(push), endpoints));
            }
            clientMetrics.add(bind(new KafkaClientMetrics(producer), endpoints));
            FunctionCounter.builder("newsflow_webhook_deliveries", deliveries, DeliveryLog::delivered)
                    .tag("outcome", "delivered").register(endpoints.metrics());
            FunctionCounter.builder("newsflow_webhook_deliveries", deliveries, DeliveryLog::failed)
                    .tag("outcome", "failed").register(endpoints.metrics());
            int[] boundPort = new int[1];
            // read once: every feed answer asks for it, and a config lookup records the key as used each time
            String publicBaseUrl = config.publicBaseUrl();
            java.util.function.Supplier<String> baseUrl = () -> publicBaseUrl.isEmpty()
                    ? "http://localhost:" + boundPort[0] : publicBaseUrl;
            Optional<String> hubUrl = config.websubHubUrl().isEmpty() ? Optional.empty()
                    : Optional.of(config.websubHubUrl());
            FeedQuery query = new FeedQuery(state, Clock.systemUTC(), version, config.pageCacheMaxItems());
            FeedAssembler assembler = new FeedAssembler(query, baseUrl, config.maxPageSize(), hubUrl);
            ItemTextCache itemTexts = new ItemTextCache(config.itemCacheMaxBytes());
            FeedRoutes feeds = new FeedRoutes(state, assembler, new RenderCache(config.renderCacheMaxBytes(), itemTexts),
                    endpoints.metrics());
            AdminRoutes admin = new AdminRoutes(partners, config.adminToken(), baseUrl, deliveries,
                    new PushStateView(push, deliveries));
            PartnerGuideRoutes guide = PartnerGuideRoutes.fromJar();
            OpenApiDocument openApi = OpenApiDocument.fromResource(SyndicateService.class, OPENAPI_RESOURCE);
            ServiceEndpoints serviceEndpoints = endpoints;
            http = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.startupWatcherEnabled = false;
                cfg.http.compressionStrategy = CompressionStrategy.GZIP;
                serviceEndpoints.install(cfg);
                feeds.install(cfg, config.host(), config.port());
                admin.install(cfg);
                guide.install(cfg);
                openApi.install(cfg, baseUrl);
                SyndicateProblems.mapping().install(cfg);
            }).start(config.host(), config.port());
            boundPort[0] = http.port();
            endpoints.startManagement();
            if (config.staticOutDir() != null || hubUrl.isPresent()) {
                // its own uncached query: it parses filters afresh, which would only churn the page cache
                watcher = new FeedChangeWatcher(state, new FeedQuery(state, Clock.systemUTC()), assembler, baseUrl,
                        config.maxPageSize(),
                        Optional.ofNullable(config.staticOutDir()).map(StaticFeedWriter::new),
                        hubUrl.map(url -> new WebSubPublisher(URI.create(url), config.pushTimeout())), itemTexts)
                        .start(config.staticInterval().toMillis());
            }
            LOG.info("syndicate listening on {}:{} (instance {}, application id {})", config.host(), http.port(),
                    config.instanceId(), config.instanceApplicationId());
            return new SyndicateService(config, streams, producer, partners, http, push, pushWorker, watcher, endpoints,
                    clientMetrics);
        } catch (RuntimeException e) {
            if (endpoints != null) {
                endpoints.close();
            }
            clientMetrics.forEach(SyndicateService::closeQuietly);
            if (watcher != null) {
                watcher.close();
            }
            if (http != null) {
                http.stop();
            }
            if (push != null) {
                push.close(Duration.ofSeconds(10));
            }
            if (pushWorker != null) {
                pushWorker.close();
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            streams.close(Duration.ofSeconds(10));
            throw e;
        }
    }

    private static AutoCloseable bind(io.micrometer.core.instrument.binder.MeterBinder binder,
                                      ServiceEndpoints endpoints) {
        binder.bindTo(endpoints.metrics());
        return (AutoCloseable) binder;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || streams.state() == KafkaStreams.State.PENDING_SHUTDOWN) {
                throw new IllegalStateException("feed state failed to start: " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("feed state not RUNNING after " + timeout + ": " + streams.state());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static Producer<String, PartnerSubscription> partnerProducer(SyndicateConfig config,
                                                                          TopicSpec<String, PartnerSubscription> topic) {
        Map<String, Object> settings = new HashMap<>(config.kafkaClientConfig());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, config.instanceApplicationId() + "-partner-admin");
        return new KafkaProducer<>(settings, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** The bound HTTP port (useful with {@code syndicate.port=0}). */
    public int port() {
        return http.port();
    }

    /** Base URL for links: the configured public URL, or http://localhost:port. */
    public String baseUrl() {
        return config.publicBaseUrl().isEmpty() ? "http://localhost:" + port() : config.publicBaseUrl();
    }

    /** Partner management in-process: the same operations as the admin HTTP API. */
    public PartnerAdmin partners() {
        return partners;
    }

    /** The management listener's port (/metrics), when {@code management.port} asks for one. */
    public java.util.OptionalInt managementPort() {
        return endpoints.managementPort();
    }

    public KafkaStreams.State feedStateStatus() {
        return streams.state();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        http.stop();
        endpoints.close();
        clientMetrics.forEach(SyndicateService::closeQuietly);
        producer.close(Duration.ofSeconds(5));
        if (push != null) {
            push.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(config.closeTimeout()));
            pushWorker.close();
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(config.closeTimeout()));
        LOG.info("syndicate stopped");
    }
}
