package dev.newsflow.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.devstack.DeliveredArticles;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import dev.newsflow.devstack.EmbeddedKafkaBroker;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newsflow bench chaos}: the pipeline on its own broker (free ports, a new data directory), enrich twice
 * with one application id (one instance in this JVM, one in a child JVM), {@code articles} posted by
 * {@code concurrency} publishers, and during the load the child killed with SIGKILL {@code kills} times (and
 * started again) and the broker stopped and started {@code brokerRestarts} times. Then every accepted article is
 * looked for on {@code articles-enriched} (read_committed) and in the partner's feed, and counted.
 */
public final class ChaosRun {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
    private static final String HOST = "127.0.0.1";
    private static final String PUBLISHER = "chaos";
    private static final String API_KEY = "chaos-local-key-0001";
    private static final String APPLICATION_SUFFIX = "chaos";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChaosOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> acceptedIds = new ConcurrentHashMap<>();
    private final AtomicLong answered503 = new AtomicLong();
    private final AtomicLong answeredOther = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();

    private ChaosRun(ChaosOptions options) {
        this.options = options;
    }

    public static ChaosResult run(ChaosOptions options) throws Exception {
        return new ChaosRun(options).run();
    }

    private ChaosResult run() throws Exception {
        Instant started = Instant.now();
        Path data = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("newsflow-chaos");
        int kafkaPort = freePort();
        int controllerPort = freePort();
        Path kafkaData = data.resolve("kafka");
        broker = EmbeddedKafkaBroker.start(kafkaData, HOST, kafkaPort, controllerPort);
        EmbeddedSchemaRegistry registry = null;
        DevStack stack = null;
        ChildEnrich child = null;
        try {
            registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
            stack = DevStack.start(DevStackSettings.builder(data).host(HOST)
                    .cluster(broker.bootstrapServers(), registry.url())
                    .topicPartitions(6)
                    .publisher(PUBLISHER, API_KEY)
                    .partner("chaos-partner", "Chaos partner", "all")
                    .adminToken("chaos-admin-" + System.nanoTime())
                    .applicationIdSuffix(APPLICATION_SUFFIX)
                    .serviceSetting("ingest.rate.limit.per.minute", "0")
                    .build());
            Map<String, String> childSettings = new HashMap<>(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "schema.registry.url", registry.url(),
                    "auto.register.schemas", "true",
                    "topic.partitions", "6",
                    EnrichConfig.APPLICATION_ID, EnrichConfig.DEFAULT_APPLICATION_ID + "-" + APPLICATION_SUFFIX,
                    EnrichConfig.STATE_DIR, data.resolve("enrich-child-state").toString()));
            child = new ChildEnrich(childSettings, data.resolve("enrich-child.log"));
            child.start(START_TIMEOUT);

            int[] done = loadWithDisruptions(stack, child, kafkaData, kafkaPort, controllerPort);
            Set<String> accepted = Set.copyOf(acceptedIds.keySet());
            LOG.info("chaos: {} articles accepted; looking for them on articles-enriched and in the feed",
                    accepted.size());
            String bootstrap = broker.bootstrapServers();
            String feed = stack.feedUrl("json");
            Map<String, Integer> enriched = awaitCounts(accepted, () -> DeliveredArticles.onEnriched(bootstrap, accepted));
            Map<String, Integer> inFeed = awaitCounts(accepted, () -> DeliveredArticles.inFeed(http, feed, accepted));
            return new ChaosResult(accepted.size(), DeliveredArticles.missing(accepted, enriched),
                    DeliveredArticles.duplicated(enriched), DeliveredArticles.missing(accepted, inFeed),
                    DeliveredArticles.duplicated(inFeed), done[0], done[1], answered503.get(),
                    answeredOther.get(), noAnswer.get(), Duration.between(started, Instant.now()));
        } finally {
            for (AutoCloseable part : new AutoCloseable[] {child, stack, registry, broker}) {
                if (part != null) {
                    try {
                        part.close();
                    } catch (Exception e) {
                        LOG.warn("chaos: {} did not stop cleanly: {}", part.getClass().getSimpleName(), e.toString());
                    }
                }
            }
        }
    }

    /** The broker now running: a restart replaces it. */
    private volatile EmbeddedKafkaBroker broker;

    /**
     * Posts the load and, as it goes, kills the child and restarts the broker at evenly spaced points; what the load
     * did not reach is done afterwards, while the pipeline still works through the backlog.
     */
    private int[] loadWithDisruptions(DevStack stack, ChildEnrich child, Path kafkaData, int kafkaPort,
                                      int controllerPort) throws Exception {
        List<Runnable> events = new ArrayList<>();
        int kills = options.kills();
        int restarts = options.brokerRestarts();
        int[] done = new int[2];
        while (kills > 0 || restarts > 0) {
            if (kills > 0) {
                kills--;
                events.add(() -> {
                    child.kill();
                    child.start(START_TIMEOUT);
                    done[0]++;
                });
            }
            if (restarts > 0) {
                restarts--;
                events.add(() -> {
                    LOG.info("chaos: stopping the broker");
                    broker.close();
                    broker = EmbeddedKafkaBroker.start(kafkaData, HOST, kafkaPort, controllerPort);
                    done[1]++;
                });
            }
        }
        ExecutorService publishers = Executors.newFixedThreadPool(options.concurrency());
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int t = 0; t < options.concurrency(); t++) {
            publishers.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.articles(); i = next.getAndIncrement()) {
                    postUntilAccepted(stack.ingestUrl(), run, i);
                }
                return null;
            });
        }
        publishers.shutdown();
        for (int e = 0; e < events.size(); e++) {
            int threshold = (int) ((long) options.articles() * (e + 1) / (events.size() + 1));
            while (acceptedIds.size() < threshold && !publishers.isTerminated()) {
                publishers.awaitTermination(100, TimeUnit.MILLISECONDS);
            }
            events.get(e).run();
        }
        if (!publishers.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load did not finish within 30 minutes");
        }
        return done;
    }

    /** Posts one article until ingest takes it: a 503 or no answer is retried, as a publisher would. */
    private void postUntilAccepted(String ingestUrl, String run, int index) throws InterruptedException {
        String guid = "chaos-" + run + "-" + index;
        String body = "{\"guid\":\"" + guid + "\",\"headline\":\"Chaos run " + run + ", article " + index
                + "\",\"section\":\"News\",\"body\":[\"Article " + index + " of a chaos run: the harbour authority said"
                + " on Monday that ferries would run again from Lisbon.\",\"A second paragraph, so the story has "
                + "a body.\"]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long pause = 200;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202 || response.statusCode() == 200) {
                    acceptedIds.put(JSON.readTree(response.body()).get("id").asText(), guid);
                    return;
                }
                if (response.statusCode() == 503) {
                    answered503.incrementAndGet();
                } else {
                    answeredOther.incrementAndGet();
                    LOG.warn("chaos: {} answered {}: {}", guid, response.statusCode(), response.body());
                    return;
                }
            } catch (IOException e) {
                noAnswer.incrementAndGet();
            }
            // A publisher's retry, not a test's wait: back off and try again.
            Thread.sleep(pause);
            pause = Math.min(5_000, pause * 2);
        }
        LOG.warn("chaos: {} was not accepted within 10 minutes", guid);
    }

    private interface Counter {
        Map<String, Integer> count() throws Exception;
    }

    /** Counts until every accepted id is there, or the settle time is up; the last count is the answer. */
    private Map<String, Integer> awaitCounts(Set<String> accepted, Counter counter) throws Exception {
        Instant deadline = Instant.now().plus(options.settle());
        Map<String, Integer> counts = counter.count();
        while (DeliveredArticles.missing(accepted, counts) > 0 && Instant.now().isBefore(deadline)) {
            // Polling a pipeline that is still working through its backlog.
            Thread.sleep(2_000);
            counts = counter.count();
        }
        return counts;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
