package dev.newsflow.enrich;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.enrich.topology.EnrichTopology;
import dev.newsflow.enrich.topology.SerializationDeadLetterHandler;
import dev.newsflow.platform.health.StreamsHealth;
import dev.newsflow.platform.http.ServiceEndpoints;
import dev.newsflow.platform.kafka.StreamThreadFailurePolicy;
import dev.newsflow.schemas.topics.TopicCatalogue;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running enrich service: creates its topics when missing, runs the {@link EnrichTopology}
 * in Kafka Streams and serves {@code /health/live} and {@code /health/ready} (ready: Kafka and the registry
 * answer, Streams is RUNNING and its threads are not dying one after another) and {@code /metrics} (Prometheus:
 * the topology's counters and Kafka Streams' own metrics, on the management listener).
 */
public final class EnrichService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final ServiceEndpoints endpoints;
    private final KafkaStreamsMetrics streamsMetrics;
    private final EnrichMetrics metrics;
    private final Javalin http;
    private final StreamsHealth health;

    private EnrichService(EnrichConfig config, ArticleAnnotator annotator) {
        this.config = config;
        TopicCatalogue catalogue = TopicCatalogue.create(config.serdeConfig());
        config.topicBootstrap()
                .ensure(List.of(catalogue.articlesSubmitted(), catalogue.articlesEnriched(),
                        catalogue.articlesDeadLetter()));
        ServiceEndpoints serviceEndpoints = new ServiceEndpoints("enrich", config);
        this.endpoints = serviceEndpoints;
        this.metrics = new EnrichMetrics(serviceEndpoints.metrics());
        Clock clock = Clock.systemUTC();
        Topology topology = new EnrichTopology(catalogue, annotator, metrics, clock).buildTopology(config);
        Properties properties = new Properties();
        properties.putAll(config.streamsConfig());
        properties.put(SerializationDeadLetterHandler.CLOCK_CONFIG, clock);
        this.streams = new KafkaStreams(topology, properties);
        // Retried when it can help, stopped when it cannot, or when threads keep dying. /health/ready is DOWN from
        // the second death on (StreamsHealth): a replaced thread leaves the client RUNNING while it processes nothing.
        this.health = StreamsHealth.of("kafka-streams", streams);
        serviceEndpoints.streams(health);
        streams.setUncaughtExceptionHandler(health.watching(StreamThreadFailurePolicy.standard("enrich")));
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(serviceEndpoints.metrics());
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            serviceEndpoints.install(cfg);
        });
    }

    /** Starts the service with the standard annotator ({@link ArticleAnnotators#standard()}). */
    public static EnrichService start(EnrichConfig config) {
        return start(config, ArticleAnnotators.standard());
    }

    /** Starts the service with the given annotator. */
    public static EnrichService start(EnrichConfig config, ArticleAnnotator annotator) {
        EnrichService service = new EnrichService(config, annotator);
        try {
            service.streams.start();
            service.http.start(config.host(), config.port());
            service.endpoints.startManagement();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        LOG.info("enrich service started: application id {}, /health and /metrics on port {}",
                config.applicationId(), service.port());
        return service;
    }

    /** The port /health and /metrics listen on (the chosen one when enrich.port is 0). */
    public int port() {
        return http.port();
    }

    /** The management listener's port (/metrics), when {@code management.port} asks for one. */
    public java.util.OptionalInt managementPort() {
        return endpoints.managementPort();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    /** Stops HTTP, then Streams: commits, leaves the group (so a restart rebalances at once) and waits. */
    @Override
    public void close() {
        try {
            http.stop();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the enrich HTTP server cleanly: {}", e.toString());
        }
        boolean stopped = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(config.closeTimeout()));
        if (!stopped) {
            LOG.warn("Kafka Streams did not stop within {}", config.closeTimeout());
        }
        endpoints.close();
        streamsMetrics.close();
        endpoints.metrics().close();
        LOG.info("enrich service stopped");
    }
}
