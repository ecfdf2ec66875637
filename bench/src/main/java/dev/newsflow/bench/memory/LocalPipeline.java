package dev.newsflow.bench.memory;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole pipeline in this JVM, started one part at a time (broker, registry, ingest, enrich,
 * syndicate) so that a caller can measure what each part adds, e.g. {@link ServiceHeapProbe}.
 * Everything listens on 127.0.0.1; the ingest rate limit is off (it is a benchmark publisher);
 * schemas are registered by the services on first write.
 */
public final class LocalPipeline implements AutoCloseable {
    public static final String PUBLISHER = "bench";
    public static final String API_KEY = "bench-local-key-0001";
    public static final String PARTNER = "bench";
    public static final String FEED = "all";

    private final Path dataDir;
    private final int partitions;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private IngestService ingest;
    private SyndicateService syndicate;
    private String partnerToken;

    public LocalPipeline(Path dataDir, int partitions) {
        this.dataDir = dataDir;
        this.partitions = partitions;
    }

    public void startBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", freePort(),
                freePort());
        started.push(broker);
        bootstrapServers = broker.bootstrapServers();
    }

    public void startRegistry() {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrapServers, 0);
        started.push(registry);
        schemaRegistryUrl = registry.url();
    }

    public void startIngest() {
        ingest = IngestService.start(new IngestConfig(settings(Map.of(
                IngestConfig.HOST, "127.0.0.1", IngestConfig.PORT, 0,
                IngestConfig.API_KEYS, PUBLISHER + ":" + API_KEY,
                IngestConfig.RATE_LIMIT_PER_MINUTE, 0))));
        started.push(ingest);
    }

    public void startEnrich() {
        started.push(EnrichService.start(new EnrichConfig(settings(Map.of(
                EnrichConfig.HOST, "127.0.0.1", EnrichConfig.PORT, 0,
                EnrichConfig.STATE_DIR, dataDir.resolve("enrich-state").toString())))));
    }

    public void startSyndicate() {
        syndicate = SyndicateService.start(new SyndicateConfig(settings(Map.of(
                SyndicateConfig.HOST, "127.0.0.1", SyndicateConfig.PORT, 0,
                SyndicateConfig.STATE_DIR, dataDir.resolve("syndicate-state").toString()))));
        started.push(syndicate);
        CreatedPartner partner = syndicate.partners().create(
                PartnerSpec.of(PARTNER, "Bench partner", FeedSpec.everything(FEED, "Everything")));
        partnerToken = partner.token();
    }

    private Map<String, Object> settings(Map<String, ?> own) {
        Map<String, Object> all = new HashMap<>();
        all.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        all.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        all.put(ServiceConfig.AUTO_REGISTER_SCHEMAS, true);
        all.put(ServiceConfig.TOPIC_PARTITIONS, partitions);
        all.putAll(own);
        return all;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + ingest.port());
    }

    /** The bench partner's feed in one format (rss, atom, json). */
    public URI feedUrl(String extension) {
        return URI.create(syndicate.baseUrl() + "/feeds/" + PARTNER + "/" + FEED + "." + extension);
    }

    public String partnerToken() {
        return partnerToken;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Stops what was started, newest first. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
