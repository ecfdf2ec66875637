package dev.newsflow.devstack.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops page in headless Chromium against the whole stack on an in-JVM broker: it shows every service ready and
 * enrich's group with its lag; a posted article moves the topics' figures without a reload; a poison record
 * produced straight onto {@code articles-submitted} appears as a dead letter with its stage and reason; replay is
 * refused without the admin token and, with it, republishes the record and reports it dead again with the reason; a
 * partner whose webhook keeps failing shows as suspended, and the page's Resume button sets it going again.
 */
class OpsPageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PAGE_WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path data;
    private static DevStack stack;
    private static String run;
    /** The webhook receiver's answer: 500 until the test lets deliveries through. */
    private static final AtomicInteger WEBHOOK_STATUS = new AtomicInteger(500);
    private static HttpServer webhook;

    @BeforeAll
    static void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(WEBHOOK_STATUS.get(), -1);
            exchange.close();
        });
        webhook.start();
        run = UUID.randomUUID().toString().substring(0, 8);
        // A broker of its own (in-JVM, as the demo's): the page lists every group and dead letter on the cluster, and
        // this test's articles must not reach the feeds of the other tests on the shared TestKafka.
        stack = DevStack.start(DevStackSettings.builder(data)
                .topicPartitions(2)
                .publisher("ops-page", "ops-page-key-" + run)
                .adminToken("ops-admin-" + run)
                .partner("ops-partner-" + run, "Ops partner", "all")
                .applicationIdSuffix("ops-" + run)
                .serviceSetting("ops.refresh.interval.ms", "500")
                .serviceSetting("syndicate.push.suspend.after.failures", "2")
                .serviceSetting("syndicate.push.backoff.initial.ms", "100")
                .serviceSetting("syndicate.push.backoff.max.ms", "200")
                .build());
        // A partner of the publisher's articles with a webhook that fails until told otherwise.
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.syndicateUrl() + "/v1/partners"))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"hooked-" + run + "\",\"displayName\":"
                        + "\"Hooked\",\"feeds\":[{\"feedId\":\"all\",\"title\":\"All\",\"filter\":{\"publisher\":"
                        + "\"ops-page\"}}],\"webhookUrl\":\"http://127.0.0.1:" + webhook.getAddress().getPort()
                        + "/hook\",\"webhookSecret\":\"ops-page-webhook-secret\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void thePageShowsTheStackLiveAndReplaysADeadLetter(@TempDir Path profile) throws Exception {
        // Served as one page and its own assets; nothing from elsewhere.
        HttpResponse<String> page = get(stack.opsUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.body()).contains("/assets/ops.js", "/assets/ops.css").doesNotContain("http://", "https://");
        assertThat(get(stack.opsUrl() + "assets/ops.js").body()).doesNotContain("http://", "https://");

        try (HeadlessChromium browser = HeadlessChromium.open(stack.opsUrl(), profile)) {
            // Every service ready, and enrich's group with its lag column.
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(browser.evaluate("[...document.querySelectorAll('#services tr[data-service]')]"
                            + ".map(r => r.dataset.service + '=' + r.dataset.status).join(' ')").asText())
                            .isEqualTo("ingest=UP enrich=UP syndicate=UP"));
            String enrichGroup = "newsflow-enrich-ops-" + run;
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate(groupRow(enrichGroup) + "?.dataset.lag ?? ''").asText(), lag -> !lag.isEmpty());

            // A posted article moves the figures of articles-submitted and articles-enriched, without a reload.
            long submittedBefore = seen(browser, TopicCatalogue.ARTICLES_SUBMITTED);
            long enrichedBefore = seen(browser, TopicCatalogue.ARTICLES_ENRICHED);
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/v1/articles"))
                    .header("Authorization", "Bearer " + stack.publisherKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"guid\":\"ops-" + run + "\",\"headline\":\"Harbour "
                            + "reopens after the storm\",\"body\":[\"The harbour reopened on Monday after three days "
                            + "of storms, the port authority said.\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String articleId = JSON.readTree(posted.body()).path("id").asText();
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(seen(browser, TopicCatalogue.ARTICLES_SUBMITTED)).isGreaterThan(submittedBefore);
                assertThat(seen(browser, TopicCatalogue.ARTICLES_ENRICHED)).isGreaterThan(enrichedBefore);
            });
            assertThat(browser.evaluate("document.querySelector('#topics tr[data-topic=\"articles-submitted\"] "
                    + "td.num').textContent").asText()).matches("\\d+\\.\\d\\d");
            // Enrich caught up: its lag on the page comes back to 0.
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate(groupRow(enrichGroup) + "?.dataset.lag ?? ''").asText(), "0"::equals);

            // A poison record straight onto the topic: the page lists its dead letter with stage and reason.
            String poisonKey = "ops-poison-" + run;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(TopicCatalogue.ARTICLES_SUBMITTED,
                        poisonKey.getBytes(StandardCharsets.UTF_8),
                        "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            }
            String poisonRow = "document.querySelector('#dead-letters tr[data-key=\"" + poisonKey + "\"]')";
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate(poisonRow + "?.dataset.stage ?? ''").asText(), "deserialization"::equals);
            assertThat(browser.evaluate(poisonRow + ".querySelector('td.reason').textContent").asText())
                    .isNotBlank();
            String deadLetterId = browser.evaluate(poisonRow + ".dataset.id").asText();
            assertThat(deadLetterId).startsWith(TopicCatalogue.ARTICLES_DEAD_LETTER + "/");

            // Filtered by its stage, the list keeps it and shows no other stage.
            browser.evaluate("(() => { const s = document.getElementById('stage'); s.value = 'deserialization'; "
                    + "s.dispatchEvent(new Event('change')); return true; })()");
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(browser.evaluate("[...document.querySelectorAll('#dead-letters tr[data-id]')]"
                            + ".map(r => r.dataset.stage).join(' ')").asText()).contains("deserialization")
                            .doesNotContain("validation", "size"));

            // Without the admin token the replay is refused, and says why.
            browser.evaluate(poisonRow + ".querySelector('button.replay').click()");
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate("document.getElementById('action-result').textContent").asText(),
                    text -> text.startsWith("refused (401)"));

            // With it: replayed to the source topic, and dead again with its reason (it is still not Avro).
            browser.evaluate("(() => { const t = document.getElementById('admin-token'); t.value = '"
                    + stack.adminToken() + "'; t.dispatchEvent(new Event('input')); return true; })()");
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> browser.evaluate(
                    poisonRow + "?.querySelector('button.replay') !== null").asBoolean());
            browser.evaluate(poisonRow + ".querySelector('button.replay').click()");
            String result = await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate("document.getElementById('action-result').textContent").asText(),
                    text -> text.startsWith(deadLetterId + ": replayed"));
            assertThat(result).contains(" to " + TopicCatalogue.ARTICLES_SUBMITTED + "/", "dead again as "
                    + TopicCatalogue.ARTICLES_DEAD_LETTER + "/");
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(browser.evaluate("[...document.querySelectorAll('#dead-letters tr[data-key=\"" + poisonKey
                        + "\"]')].length").asInt()).as("the original and the replay's dead letter").isEqualTo(2);
                assertThat(browser.evaluate("document.querySelector('#dead-letters tr[data-id=\"" + deadLetterId
                        + "\"]').lastChild.textContent").asText()).startsWith("replayed ");
            });

            // The partner's webhook failed twice on the posted article: suspended, with a Resume button.
            String partnerRow = "document.querySelector('#partners tr[data-partner=\"hooked-" + run + "\"]')";
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> browser.evaluate(
                    partnerRow + "?.dataset.state ?? ''").asText(), "suspended"::equals);
            WEBHOOK_STATUS.set(204);
            browser.evaluate(partnerRow + ".querySelector('button.resume').click()");
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    browser.evaluate("document.getElementById('action-result').textContent").asText(),
                    ("hooked-" + run + ": webhook resumed")::equals);
            await().atMost(PAGE_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> browser.evaluate(
                    partnerRow + "?.dataset.state ?? ''").asText(), state -> !state.isEmpty() && !state.equals("suspended"));

            theMonitoringAsksOnlyForSeriesTheStackExports(articleId);
        }
    }

    /**
     * Every {@code newsflow_} series the Grafana dashboard and the Prometheus alert rules ask for is one the stack
     * exports (after what this test did, and what creates the series that appear on first use: a refused post, a
     * dropped re-submission, a feed request), so a renamed metric cannot leave a panel empty or an alert mute.
     */
    private static void theMonitoringAsksOnlyForSeriesTheStackExports(String articleId) throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/v1/articles"))
                .header("Authorization", "Bearer " + stack.publisherKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"guid\":\"no-body\",\"headline\":\"No body\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(get(stack.feedUrl("json")).statusCode()).isEqualTo(200);
        resubmit(articleId);

        Path root = Path.of("").toAbsolutePath().getParent();
        String asked = Files.readString(root.resolve("monitoring/prometheus/alerts.yml"))
                + Files.readString(root.resolve("monitoring/grafana/dashboards/newsflow.json"));
        Set<String> wanted = new TreeSet<>();
        Matcher names = Pattern.compile("newsflow_[a-z_]+").matcher(asked);
        while (names.find()) {
            wanted.add(names.group());
        }
        assertThat(wanted).contains("newsflow_ops_consumer_lag", "newsflow_ingest_request_seconds_bucket",
                "newsflow_feed_request_seconds_bucket", "newsflow_webhook_deliveries_total");
        await().atMost(PAGE_WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>();
            for (String url : List.of(stack.ingestMetricsUrl(), stack.enrichMetricsUrl(), stack.syndicateMetricsUrl(),
                    stack.opsMetricsUrl())) {
                for (String line : get(url).body().split("\n")) {
                    if (line.startsWith("newsflow_")) {
                        exported.add(line.replaceAll("[{ ].*", ""));
                    }
                }
            }
            assertThat(exported).containsAll(wanted);
        });
    }

    /** The article's record written to articles-submitted again, byte for byte: enrich drops it as a repeat. */
    private static void resubmit(String articleId) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalogue.ARTICLES_SUBMITTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ConsumerRecord<byte[], byte[]> first = await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(articleId)) {
                        return record;
                    }
                }
                return null;
            }, found -> found != null);
            producer.send(new ProducerRecord<>(first.topic(), first.partition(), first.key(), first.value())).get();
        }
    }

    @Test
    void actionsAskForTheAdminTokenAndAnswerProblems() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(stack.opsUrl()
                + "v1/ops/dead-letters/0/0/replay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(anonymous.body()).path("field").asText()).isEqualTo("Authorization");

        HttpResponse<String> badOffset = HTTP.send(HttpRequest.newBuilder(URI.create(stack.opsUrl()
                        + "v1/ops/dead-letters/0/minus-one/replay")).header("Authorization", "Bearer " + stack.adminToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badOffset.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badOffset.body()).path("field").asText()).isEqualTo("offset");

        JsonNode snapshot = JSON.readTree(get(stack.opsUrl() + "v1/ops/snapshot").body());
        assertThat(snapshot.path("actions").asBoolean()).isTrue();
        assertThat(snapshot.has("topics") && snapshot.has("groups") && snapshot.has("deadLetters")
                && snapshot.has("partners") && snapshot.has("services")).as(snapshot.toString()).isTrue();
    }

    private static String groupRow(String group) {
        return "document.querySelector('#groups tr[data-group=\"" + group + "\"]')";
    }

    private static long seen(HeadlessChromium browser, String topic) {
        return browser.evaluate("Number(document.querySelector('#topics tr[data-topic=\"" + topic
                + "\"]')?.dataset.seen ?? -1)").asLong();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
