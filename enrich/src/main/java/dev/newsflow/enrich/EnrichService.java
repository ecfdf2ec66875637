package dev.newsflow.enrich;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.platform.http.ServiceEndpoints;
import dev.newsflow.platform.kafka.TopicBootstrap;
import dev.newsflow.schemas.topics.TopicCatalogue;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running enrich service: creates its topics when missing, runs the {@link EnrichTopology}
 * in Kafka Streams and serves {@code /health} (up while Streams is RUNNING or REBALANCING) and
 * {@code /metrics} (Prometheus: the topology's counters and Kafka Streams' own metrics).
 */
public final class EnrichService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final ServiceEndpoints endpoints;
    private final KafkaStreamsMetrics streamsMetrics;
    private final EnrichMetrics metrics;
    private final Javalin http;

    private EnrichService(EnrichConfig config, ArticleAnnotator annotator) {
        this.config = config;
        TopicCatalogue catalogue = TopicCatalogue.create(config.serdeConfig());
        new TopicBootstrap(config.kafkaClientConfig(), config.topicPartitions(), config.topicReplicationFactor(),
                config.topicMinInsyncReplicas())
                .ensure(List.of(catalogue.articlesSubmitted(), catalogue.articlesEnriched(),
                        catalogue.articlesDeadLetter()));
        ServiceEndpoints serviceEndpoints = new ServiceEndpoints("enrich", this::healthChecks);
        this.endpoints = serviceEndpoints;
        this.metrics = new EnrichMetrics(serviceEndpoints.metrics());
        Topology topology = new EnrichTopology(catalogue, annotator, metrics, Clock.systemUTC())
                .buildTopology(config);
        Properties properties = new Properties();
        properties.putAll(config.streamsConfig());
        this.streams = new KafkaStreams(topology, properties);
        // A thread that died on an unexpected error (e.g. the registry unreachable while writing)
        // is replaced: with exactly-once its open transaction is aborted and the records are retried.
        // More than five deaths in ten minutes is not transient: stop, and let /health say so.
        ThreadFailureBudget budget = new ThreadFailureBudget(5, Duration.ofMinutes(10), Clock.systemUTC());
        streams.setUncaughtExceptionHandler(error -> {
            StreamThreadExceptionResponse response = budget.onFailure();
            LOG.error("enrich stream thread failed; {}", response == StreamThreadExceptionResponse.REPLACE_THREAD
                    ? "replacing it" : "too many failures, shutting Kafka Streams down", error);
            return response;
        });
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

    public KafkaStreams.State state() {
        return streams.state();
    }

    public EnrichMetrics metrics() {
        return metrics;
    }

    private Map<String, Boolean> healthChecks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        KafkaStreams.State state = streams == null ? null : streams.state();
        checks.put("kafka-streams", state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING);
        return checks;
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
        streamsMetrics.close();
        endpoints.metrics().close();
        LOG.info("enrich service stopped");
    }
}
