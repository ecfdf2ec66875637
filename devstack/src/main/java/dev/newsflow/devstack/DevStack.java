package dev.newsflow.devstack;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.IngestService;
import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.page.OpsService;
import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.schemas.registry.SchemaRegistration;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * newsflow on one machine, in one JVM: a KRaft broker and a schema registry (or a cluster that is already there),
 * then ingest, enrich and syndicate with common settings, one publisher key and one partner with a feed of
 * everything. The one starter behind {@code newsflow demo}, the end-to-end tests and the benchmarks.
 *
 * <p>{@link #start} starts everything; a caller that measures what each part adds (the benchmark's heap probe)
 * calls {@link #prepare} and then the steps in order. With a broker and registry of its own the stack registers
 * the project's schemas first, as {@code newsflow schemas register} does on a cluster; on a cluster given to it the
 * services register them on first write.
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final DevStackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private IngestService ingest;
    private EnrichService enrich;
    private SyndicateService syndicate;
    private OpsService ops;
    private String partnerToken;

    private DevStack(DevStackSettings settings) {
        this.settings = settings;
    }

    /** Starts the whole stack; on failure, whatever had started is stopped again. */
    public static DevStack start(DevStackSettings settings) {
        DevStack stack = prepare(settings);
        try {
            stack.startKafka().startRegistry().startIngest().startEnrich().startSyndicate().startOps();
            LOG.info("dev stack up: kafka {}, registry {}, ingest :{}, enrich :{}, syndicate :{}, ops :{}",
                    stack.bootstrapServers, stack.schemaRegistryUrl, stack.ingest.port(), stack.enrich.port(),
                    stack.syndicate.port(), stack.ops.port());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** A stack with nothing started yet: call the {@code start…} steps in order, then {@link #close}. */
    public static DevStack prepare(DevStackSettings settings) {
        return new DevStack(settings);
    }

    /** Step 1: the broker (its own, or the given cluster's address). */
    public DevStack startKafka() {
        if (!settings.ownCluster()) {
            bootstrapServers = settings.clusterBootstrapServers();
            return this;
        }
        int port = settings.kafkaPort() == 0 ? freePort() : settings.kafkaPort();
        int controllerPort = settings.controllerPort() == 0 ? freePort() : settings.controllerPort();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.host(),
                port, controllerPort);
        started.push(broker);
        bootstrapServers = broker.bootstrapServers();
        return this;
    }

    /** Step 2: the schema registry (its own, storing into the broker's {@code _schemas}, or the given one). */
    public DevStack startRegistry() {
        if (!settings.ownCluster()) {
            schemaRegistryUrl = settings.clusterSchemaRegistryUrl();
            return this;
        }
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrapServers, settings.registryPort());
        started.push(registry);
        schemaRegistryUrl = registry.url();
        SchemaRegistration.forUrl(schemaRegistryUrl).registerAll();
        return this;
    }

    public DevStack startIngest() {
        ingest = started(IngestService.start(new IngestConfig(serviceSettings(Map.of(
                IngestConfig.PORT, settings.ingestPort(),
                IngestConfig.HOST, settings.host(),
                IngestConfig.API_KEYS, settings.publisherId() + ":" + settings.publisherKey(),
                ServiceConfig.MANAGEMENT_HOST, settings.managementHost(),
                ServiceConfig.MANAGEMENT_PORT, settings.ingestManagementPort())))));
        return this;
    }

    public DevStack startEnrich() {
        Map<String, Object> own = new HashMap<>(Map.of(
                EnrichConfig.PORT, settings.enrichPort(),
                EnrichConfig.HOST, settings.host(),
                EnrichConfig.STATE_DIR, settings.dataDir().resolve("enrich-state").toString(),
                ServiceConfig.MANAGEMENT_HOST, settings.managementHost(),
                ServiceConfig.MANAGEMENT_PORT, settings.enrichManagementPort()));
        applicationId(own, EnrichConfig.APPLICATION_ID, EnrichConfig.DEFAULT_APPLICATION_ID);
        enrich = started(EnrichService.start(new EnrichConfig(serviceSettings(own))));
        return this;
    }

    /**
     * Step 5: syndicate, and the partner: created, or kept from an earlier run with the token kept in the data
     * directory (so feed URLs given out before still work).
     */
    public DevStack startSyndicate() {
        Map<String, Object> own = new HashMap<>(Map.of(
                SyndicateConfig.PORT, settings.syndicatePort(),
                SyndicateConfig.HOST, settings.host(),
                SyndicateConfig.ADMIN_TOKEN, settings.adminToken(),
                SyndicateConfig.STATE_DIR, settings.dataDir().resolve("syndicate-state").toString(),
                ServiceConfig.MANAGEMENT_HOST, settings.managementHost(),
                ServiceConfig.MANAGEMENT_PORT, settings.syndicateManagementPort()));
        applicationId(own, SyndicateConfig.APPLICATION_ID, SyndicateConfig.DEFAULT_APPLICATION_ID);
        syndicate = started(SyndicateService.start(new SyndicateConfig(serviceSettings(own))));
        partnerToken = KeptPartnerToken.ensure(syndicate.partners(), PartnerSpec.of(settings.partnerId(),
                settings.partnerName(), FeedSpec.everything(settings.feedId(), "Everything")), settings.dataDir());
        return this;
    }

    /**
     * Step 6: the ops page, watching the three services (their health, syndicate's partners with the stack's admin
     * token) with the same admin token opening its replay and resume buttons.
     */
    public DevStack startOps() {
        Map<String, Object> own = new HashMap<>(Map.of(
                OpsConfig.PORT, settings.opsPort(),
                OpsConfig.HOST, settings.host(),
                OpsConfig.ADMIN_TOKEN, settings.adminToken(),
                OpsConfig.SERVICES, "ingest=" + ingestUrl() + ",enrich=" + enrichUrl() + ",syndicate=" + syndicateUrl(),
                OpsConfig.SYNDICATE_URL, syndicateUrl(),
                OpsConfig.SYNDICATE_ADMIN_TOKEN, settings.adminToken(),
                ServiceConfig.MANAGEMENT_HOST, settings.managementHost(),
                ServiceConfig.MANAGEMENT_PORT, settings.opsManagementPort()));
        if (!settings.applicationIdSuffix().isEmpty()) {
            own.put(OpsConfig.OWNED_GROUPS, ownedGroups(settings.applicationIdSuffix()));
        }
        ops = started(OpsService.start(new OpsConfig(serviceSettings(own))));
        return this;
    }

    /** The stack's own groups when its application ids carry a suffix (push is syndicate's id + "-push"). */
    private static String ownedGroups(String suffix) {
        return EnrichConfig.DEFAULT_APPLICATION_ID + "-" + suffix + "," + SyndicateConfig.DEFAULT_APPLICATION_ID + "-"
                + suffix + "-push," + SyndicateConfig.DEFAULT_APPLICATION_ID + "-" + suffix + "-*";
    }

    private void applicationId(Map<String, Object> own, String key, String defaultId) {
        if (!settings.applicationIdSuffix().isEmpty()) {
            own.put(key, defaultId + "-" + settings.applicationIdSuffix());
        }
    }

    private <T extends AutoCloseable> T started(T service) {
        started.push(service);
        return service;
    }

    /** Every service gets the same base: the caller's settings, then the stack's addresses, then its own. */
    private Map<String, Object> serviceSettings(Map<String, ?> own) {
        Map<String, Object> all = new HashMap<>(settings.serviceSettings());
        all.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        all.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        all.putIfAbsent(ServiceConfig.TOPIC_PARTITIONS, settings.topicPartitions());
        if (!settings.ownCluster()) {
            all.putIfAbsent(ServiceConfig.AUTO_REGISTER_SCHEMAS, true);
        }
        all.putAll(own);
        return all;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** Where a service's /metrics is: {@code http://host:port/metrics} on its management listener. */
    public String ingestMetricsUrl() {
        return managementUrl(ingest.managementPort());
    }

    public String enrichMetricsUrl() {
        return managementUrl(enrich.managementPort());
    }

    public String syndicateMetricsUrl() {
        return managementUrl(syndicate.managementPort());
    }

    public String opsMetricsUrl() {
        return managementUrl(ops.managementPort());
    }

    /** The ops page. */
    public String opsUrl() {
        return "http://" + displayHost() + ":" + ops.port() + "/";
    }

    private String managementUrl(java.util.OptionalInt port) {
        return "http://" + settings.managementHost() + ":" + port.orElseThrow() + "/metrics";
    }

    public String ingestUrl() {
        return "http://" + displayHost() + ":" + ingest.port();
    }

    public String enrichUrl() {
        return "http://" + displayHost() + ":" + enrich.port();
    }

    /** The syndicator's base URL for links (its public base URL, or http://localhost:port). */
    public String syndicateUrl() {
        return syndicate.baseUrl();
    }

    public String publisherKey() {
        return settings.publisherKey();
    }

    public String adminToken() {
        return settings.adminToken();
    }

    public String partnerId() {
        return settings.partnerId();
    }

    public String partnerToken() {
        return partnerToken;
    }

    /** Where the partner token is kept across restarts. */
    public java.nio.file.Path partnerTokenFile() {
        return settings.dataDir().resolve(KeptPartnerToken.FILE);
    }

    /** The partner's feed in one format (rss, atom, json), its token in the query. */
    public String feedUrl(String extension) {
        return syndicateUrl() + "/feeds/" + settings.partnerId() + "/" + settings.feedId() + "." + extension
                + "?token=" + partnerToken;
    }

    private String displayHost() {
        return "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Stops what was started, newest first; a part that fails to stop does not keep the others running. */
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
