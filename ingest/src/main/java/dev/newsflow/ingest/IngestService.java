package dev.newsflow.ingest;

import dev.newsflow.ingest.auth.ApiKeyStore;
import dev.newsflow.ingest.http.ArticleRoutes;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleReader;
import dev.newsflow.ingest.kafka.ArticleWriter;
import dev.newsflow.ingest.kafka.LedgerRebuilder;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.submit.ArticleSubmitter;
import dev.newsflow.ingest.text.LanguageDetector;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import dev.newsflow.platform.health.Check;
import dev.newsflow.platform.http.ServiceEndpoints;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: makes sure {@code articles-submitted} exists, re-reads it to learn what
 * was accepted before, then opens the publisher API (plus {@code /health} and {@code /metrics}).
 * {@link #start} returns once the API is listening; {@link #close} stops taking requests before
 * it flushes and closes the producer.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final ApiKeyStore keys;
    private final ArticleWriter writer;
    private final ArticleReader reader;
    private final Javalin server;
    private final ServiceEndpoints endpoints;
    private AutoCloseable producerMetrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IngestService(IngestConfig config) {
        TopicCatalogue catalogue = TopicCatalogue.create(config.serdeConfig());
        TopicSpec<String, ArticleSubmitted> topic = catalogue.articlesSubmitted();
        config.topicBootstrap().ensure(List.of(topic));

        ArticleLedger ledger = new ArticleLedger();
        LedgerRebuilder.rebuild(config.kafkaClientConfig(), topic, ledger,
                Duration.ofMillis(config.stateRebuildTimeoutMs()));

        keys = ApiKeyStore.create(config.apiKeys(), config.apiKeysFile(), config.apiKeysReloadIntervalMs());
        ArticleWriter createdWriter = null;
        ArticleReader createdReader = null;
        Javalin createdServer = null;
        ServiceEndpoints createdEndpoints = null;
        try {
            createdWriter = new ArticleWriter(config.producerConfig(), topic, config.produceTimeoutMs(),
                    config.recordMaxBytes(), config.maxRequestBytes());
            createdReader = new ArticleReader(config.readerConfig(), topic, Duration.ofMillis(config.readTimeoutMs()));
            ArticleSubmitter submitter = new ArticleSubmitter(ledger, createdWriter, Clock.systemUTC());
            LanguageDetector languages = config.languageDetection() ? OpenNlpLanguageDetector.load() : LanguageDetector.none();
            Normalisers normalisers = new Normalisers(new SectionLine(config.sections()), languages,
                    config.htmlLimits());
            ArticleWriter healthWriter = createdWriter;
            createdEndpoints = new ServiceEndpoints("ingest", config)
                    .live("open", () -> Check.of(!closed.get(), "closing"))
                    .ready("kafka-writes", () -> Check.of(healthWriter.healthy(),
                            "the last write to Kafka failed within the last 15 s"))
                    .endpoint("/v1/articles", "POST one article (JSON, ninjs, text/plain or text/html)")
                    .endpoint("/v1/articles:batch", "POST NDJSON, one article a line")
                    .endpoint("/v1/articles/{id}", "GET what was accepted")
                    .endpoint("/openapi.json", "the API's description");
            ServiceEndpoints endpoints = createdEndpoints;
            producerMetrics = createdWriter.bindMetrics(endpoints.metrics());
            ArticleRoutes routes = new ArticleRoutes(keys, normalisers, submitter, ledger, createdReader,
                    new ArticleRoutes.Limits(config.maxBodyBytes(), config.batchMaxBytes(), config.batchMaxLines(),
                            config.retryAfterSeconds(), config.rateLimitPerMinute(), config.rateLimitBurst()),
                    endpoints.metrics());
            createdServer = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.startupWatcherEnabled = false;
                // Bodies are read with ingest's own limit (RequestBodies); Jetty's only guards the rest.
                cfg.http.maxRequestSize = Math.max(config.maxBodyBytes(), config.batchMaxBytes());
                endpoints.install(cfg);
                routes.install(cfg);
            });
            createdServer.start(config.host(), config.port());
            createdEndpoints.startManagement();
        } catch (RuntimeException e) {
            if (createdEndpoints != null) {
                createdEndpoints.close();
            }
            if (createdServer != null) {
                createdServer.stop();
            }
            if (createdWriter != null) {
                createdWriter.close();
            }
            if (createdReader != null) {
                createdReader.close();
            }
            keys.close();
            throw e;
        }
        writer = createdWriter;
        reader = createdReader;
        server = createdServer;
        endpoints = createdEndpoints;
        LOG.info("ingest listening on {}:{}", config.host(), server.port());
    }

    /** Starts the service and returns once the API is listening. */
    public static IngestService start(IngestConfig config) {
        return new IngestService(config);
    }

    /** The port the API listens on (the real one when {@code ingest.port} is 0). */
    public int port() {
        return server.port();
    }

    /** The management listener's port (/metrics), when {@code management.port} asks for one. */
    public java.util.OptionalInt managementPort() {
        return endpoints.managementPort();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop();
            endpoints.close();
            try {
                producerMetrics.close();
            } catch (Exception e) {
                LOG.debug("producer metrics did not unbind", e);
            }
            writer.close();
            reader.close();
            keys.close();
            LOG.info("ingest stopped");
        }
    }
}
