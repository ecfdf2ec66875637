package dev.newsflow.registry;

import dev.newsflow.schemas.topics.TopicCatalogue;
import io.javalin.Javalin;
import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry inside the JVM, for local mode and tests: the REST API
 * of Confluent's Schema Registry that serializers and tools use (see {@link RegistryHttpApi}),
 * compatibility decided by Avro's own rules at all seven levels, and everything stored in the
 * compacted {@code _schemas} topic of the cluster it is given, so a restarted registry, or a
 * second one on the same cluster, serves the same subjects, versions and ids.
 *
 * <p>The parts: {@link KafkaSchemaLog} (the topic: create, append, read back),
 * {@link SchemaLogCodec} (records as JSON in Confluent's layout), {@link RegistryState} (the
 * contents rebuilt from the log, deterministic so instances agree), {@link SchemaRegistryService}
 * (the operations; how concurrent registrations end up with one id is explained there) and
 * {@link RegistryHttpApi} (routes, error bodies, content types).
 *
 * <p>One id for one schema, even under concurrency: every write (one at a time per instance)
 * first reads the log to its end, then decides (the id a schema already has, else one more than
 * the highest id ever seen), appends, and answers only after reading its own record back. Two
 * instances registering the same schema at once write identical records, which the log accepts
 * once; when they race with different schemas, the log order decides the same way in every
 * instance and the loser retries. Ids are never reused: before versions are permanently deleted
 * the highest id is written down, so it survives compaction.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaSchemaLog log;
    private final Javalin server;
    private final String host;

    private EmbeddedSchemaRegistry(String bootstrapServers, String topic, String host, int port) {
        this.host = host;
        RegistryState state = new RegistryState();
        SchemaLogCodec codec = new SchemaLogCodec();
        this.log = KafkaSchemaLog.open(bootstrapServers, topic, STORE_TIMEOUT,
                record -> state.apply(codec.decode(record.key(), record.value())));
        RegistryHttpApi api = new RegistryHttpApi(new SchemaRegistryService(state, log, codec));
        try {
            this.server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.startupWatcherEnabled = false;
                cfg.router.ignoreTrailingSlashes = true;
                cfg.jetty.threadPool = requestThreads();
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new ConfluentErrorHandler()));
                api.install(cfg);
            });
            server.start(host, port);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        LOG.info("schema registry listening on {} (store: topic {} at {})", url(), topic, bootstrapServers);
    }

    /**
     * Starts a registry on 127.0.0.1 (port 0 picks a free one) storing into {@code _schemas}
     * of the given cluster, creating that topic when missing. Returns once the existing log has
     * been read and the HTTP server is listening.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(bootstrapServers, TopicCatalogue.SCHEMAS, "127.0.0.1", port);
    }

    /** As {@link #start(String, int)}, with another store topic (e.g. to keep tests apart) and bind address. */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String topic, String host, int port) {
        return new EmbeddedSchemaRegistry(bootstrapServers, topic, host, port);
    }

    /**
     * Jetty's pool with Javalin's default sizes, named {@code registry-http} like the services' pools, so that a
     * process running the demo can tell the registry's request threads from theirs.
     */
    private static QueuedThreadPool requestThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
        pool.setName("registry-http");
        return pool;
    }

    public String url() {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            log.close();
        }
    }
}
