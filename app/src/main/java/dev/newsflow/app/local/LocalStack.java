package dev.newsflow.app.local;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.IngestService;
import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.platform.kafka.EmbeddedKafkaBroker;
import dev.newsflow.platform.registry.EmbeddedSchemaRegistry;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.partner.CreatedPartner;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything newsflow needs on one machine, in one JVM: a KRaft broker and a schema registry
 * (both keeping their data under the data directory), the project's schemas registered, the
 * three services, one demo publisher key and one demo partner with a feed of everything.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    public static final String DEMO_PUBLISHER = "demo";
    public static final String DEMO_PARTNER = "demo";
    public static final String DEMO_FEED = "all";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LocalStackSettings settings;
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private IngestService ingest;
    private EnrichService enrich;
    private SyndicateService syndicate;
    private String partnerToken;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /** Starts the whole pipeline; on failure, whatever had started is stopped again. */
    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.host(), settings.kafkaPort(), settings.controllerPort());
        started.push(broker);
        bootstrapServers = broker.bootstrapServers();

        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrapServers, settings.registryPort());
        started.push(registry);
        schemaRegistryUrl = registry.url();
        SchemaSetup.registerAll(schemaRegistryUrl);

        ingest = IngestService.start(new IngestConfig(serviceSettings(Map.of(
                IngestConfig.PORT, settings.ingestPort(),
                IngestConfig.HOST, settings.host(),
                IngestConfig.API_KEYS, DEMO_PUBLISHER + ":" + settings.publisherKey()))));
        started.push(ingest);

        enrich = EnrichService.start(new EnrichConfig(serviceSettings(Map.of(
                EnrichConfig.PORT, settings.enrichPort(),
                EnrichConfig.HOST, settings.host(),
                EnrichConfig.STATE_DIR, settings.dataDir().resolve("enrich-state").toString()))));
        started.push(enrich);

        syndicate = SyndicateService.start(new SyndicateConfig(serviceSettings(Map.of(
                SyndicateConfig.PORT, settings.syndicatePort(),
                SyndicateConfig.HOST, settings.host(),
                SyndicateConfig.ADMIN_TOKEN, settings.adminToken(),
                SyndicateConfig.STATE_DIR, settings.dataDir().resolve("syndicate-state").toString()))));
        started.push(syndicate);

        partnerToken = demoPartnerToken();
        LOG.info("local stack up: kafka {}, registry {}, ingest :{}, enrich :{}, syndicate :{}", bootstrapServers,
                schemaRegistryUrl, ingest.port(), enrich.port(), syndicate.port());
    }

    /** A restarted demo keeps its partner; its token is shown once, so a restart issues a fresh one. */
    private String demoPartnerToken() {
        CreatedPartner partner = syndicate.partners().get(DEMO_PARTNER).isPresent()
                ? syndicate.partners().rotateToken(DEMO_PARTNER)
                : syndicate.partners().create(PartnerSpec.of(DEMO_PARTNER, "Demo partner",
                        FeedSpec.everything(DEMO_FEED, "Everything")));
        return partner.token();
    }

    private Map<String, Object> serviceSettings(Map<String, ?> own) {
        Map<String, Object> all = new HashMap<>(settings.serviceSettings());
        all.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        all.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        all.putIfAbsent(ServiceConfig.TOPIC_PARTITIONS, settings.topicPartitions());
        all.putAll(own);
        return all;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public String ingestUrl() {
        return "http://" + displayHost() + ":" + ingest.port();
    }

    public String enrichUrl() {
        return "http://" + displayHost() + ":" + enrich.port();
    }

    public String syndicateUrl() {
        return syndicate.baseUrl();
    }

    public String publisherKey() {
        return settings.publisherKey();
    }

    public String adminToken() {
        return settings.adminToken();
    }

    public String partnerToken() {
        return partnerToken;
    }

    /** The demo partner's feed in one format (rss, atom, json), token included. */
    public String feedUrl(String extension) {
        return syndicateUrl() + "/feeds/" + DEMO_PARTNER + "/" + DEMO_FEED + "." + extension + "?token=" + partnerToken;
    }

    private String displayHost() {
        return "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
