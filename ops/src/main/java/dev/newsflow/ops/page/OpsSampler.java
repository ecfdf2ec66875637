package dev.newsflow.ops.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.OpsClients;
import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.ops.deadletters.DeadLetterEntry;
import dev.newsflow.ops.deadletters.DeadLetterLog;
import dev.newsflow.ops.deadletters.ReplayLedger;
import dev.newsflow.ops.lag.GroupLag;
import dev.newsflow.ops.lag.LagReport;
import dev.newsflow.ops.lag.PartitionLag;
import dev.newsflow.platform.lifecycle.Failures;
import dev.newsflow.schema.DeadLetterReplay;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples what the page shows, every {@code ops.refresh.interval.ms}, on one thread of its own (the Kafka
 * consumers it keeps are not thread-safe): records per second per topic, lag per group, the dead letters that
 * arrived and which were replayed, partners' push status and each service's health. Each part is sampled on its
 * own: one that fails (syndicate down, no admin token) shows its reason on the page while the others go on.
 * Requests read the latest sample and never wait on Kafka.
 */
final class OpsSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsSampler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dead letters kept in memory for the page, whatever it lists (enough to filter a quiet stage's latest). */
    private static final int DEAD_LETTERS_KEPT = 1_000;

    private final OpsConfig config;
    private final OpsTools tools;
    private final Clock clock;
    private final TopicThroughput throughput;
    private final DeadLetterLog deadLetterLog;
    private final KafkaConsumer<byte[], byte[]> ledgerConsumer;
    private final Deserializer<DeadLetterReplay> ledgerDeserializer;
    private final ServiceHealth health;
    private final PartnerPush push;
    private final LatestDeadLetters deadLetters;
    private final Map<String, String> lastErrors = new HashMap<>();
    private final MultiGauge lagGauge;
    private final MultiGauge deadLetterGauge;
    private final MultiGauge lastDeadLetterGauge;
    private final MultiGauge suspendedGauge;
    private final MultiGauge readyGauge;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "ops-sampler");
        named.setDaemon(true);
        return named;
    });

    private volatile ObjectNode topics = part();
    private volatile ObjectNode groups = part();
    private volatile ObjectNode partners = part();
    private volatile ObjectNode services = part();
    private volatile ObjectNode deadLetterState = part();
    private volatile Map<String, DeadLetterReplay> replays = Map.of();
    private volatile Instant sampledAt;

    OpsSampler(OpsConfig config, OpsTools tools, PartnerPush push, HttpClient http, MeterRegistry metrics,
               Clock clock) {
        this.config = config;
        this.tools = tools;
        this.clock = clock;
        this.push = push;
        OpsClients clients = new OpsClients(config);
        TopicCatalogue catalogue = TopicCatalogue.create(config.serdeConfig());
        Duration interval = config.refreshInterval();
        this.throughput = new TopicThroughput(clients.lookingConsumer("throughput"),
                catalogue.all().stream().map(TopicSpec::name).toList(),
                Duration.ofMillis(Math.max(10_000, interval.toMillis() * 5)), interval.dividedBy(2));
        this.deadLetterLog = tools.deadLetterLog();
        this.ledgerConsumer = clients.lookingConsumer("replay-ledger");
        this.ledgerDeserializer = catalogue.deadLetterReplays().valueSerde().deserializer();
        this.health = new ServiceHealth(http, config.services(), Duration.ofSeconds(3));
        this.deadLetters = new LatestDeadLetters(DEAD_LETTERS_KEPT);
        // What Prometheus alerts on from outside the services: lag from committed offsets (there while a consumer
        // is down, when its own records-lag series are gone), dead letters on the topic whichever service wrote
        // them, suspended webhooks, readiness as the page sees it.
        for (String topic : throughput.topics()) {
            FunctionCounter.builder("newsflow.ops.topic.records", throughput, t -> t.seen(topic))
                    .description("Records read from the topic since the ops service started").tag("topic", topic)
                    .register(metrics);
        }
        this.lagGauge = MultiGauge.builder("newsflow.ops.consumer.lag")
                .description("Records a consumer group has still to read on a topic (committed offsets to the end)")
                .register(metrics);
        this.deadLetterGauge = MultiGauge.builder("newsflow.ops.dead.letters")
                .description("Dead letters on articles-dead-letter by the service (origin) and stage that wrote them")
                .register(metrics);
        this.lastDeadLetterGauge = MultiGauge.builder("newsflow.ops.dead.letter.last.failed.timestamp")
                .description("When the newest dead letter of a service (origin) and stage failed, in seconds since "
                        + "the epoch: alerts compare it with the time, so restarts do not fire for old ones")
                .baseUnit("seconds").register(metrics);
        this.suspendedGauge = MultiGauge.builder("newsflow.ops.webhook.suspended")
                .description("1 while a partner's webhook is suspended, else 0").register(metrics);
        this.readyGauge = MultiGauge.builder("newsflow.ops.service.ready")
                .description("1 while a service's /health/ready answers UP, else 0 (target: the service)")
                .register(metrics);
    }

    void start() {
        thread.scheduleWithFixedDelay(this::sampleSafely, 0, config.refreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warn("ops page: sampling failed: {}", Failures.oneLine(e));
        }
    }

    /** One round; each part on its own, so that one failing leaves the others current. */
    void sample() {
        long now = clock.millis();
        topics = attempt("topics", () -> {
            ObjectNode part = part();
            ArrayNode rows = part.putArray("rows");
            for (TopicThroughput.Rate rate : throughput.sample(now)) {
                rows.addObject().put("topic", rate.topic()).put("exists", rate.exists())
                        .put("perSecond", Math.round(rate.perSecond() * 100) / 100.0).put("seen", rate.seen());
            }
            return part;
        }, topics);
        groups = attempt("groups", () -> {
            LagReport report = tools.lag();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (GroupLag group : report.groups()) {
                Map<String, Long> byTopic = new java.util.TreeMap<>();
                group.partitions().forEach(p -> byTopic.merge(p.topic(), p.lag(), Long::sum));
                byTopic.forEach((topic, lag) -> rows.add(MultiGauge.Row.of(Tags.of("group", group.groupId(),
                        "topic", topic), lag)));
            }
            lagGauge.register(rows, true);
            return lagPart(report);
        }, groups);
        deadLetterState = attempt("deadLetters", () -> {
            deadLetters.addAll(deadLetterLog.readNew());
            replays = ReplayLedger.read(ledgerConsumer, ledgerDeserializer);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            deadLetters.byOrigin().forEach((origin, stages) -> stages.forEach((stage, count) ->
                    rows.add(MultiGauge.Row.of(Tags.of("origin", origin, "stage", stage), count))));
            deadLetterGauge.register(rows, true);
            List<MultiGauge.Row<?>> newest = new ArrayList<>();
            deadLetters.newestByOrigin().forEach((origin, stages) -> stages.forEach((stage, at) ->
                    newest.add(MultiGauge.Row.of(Tags.of("origin", origin, "stage", stage), at.toEpochMilli() / 1000.0))));
            lastDeadLetterGauge.register(newest, true);
            return part();
        }, deadLetterState);
        partners = attempt("partners", () -> {
            ObjectNode part = part();
            if (!push.configured()) {
                part.put("error", "no syndicate.admin.token: the page cannot ask syndicate for push status");
            } else {
                ArrayNode partnerRows = push.partnersWithWebhooks();
                List<MultiGauge.Row<?>> rows = new ArrayList<>();
                partnerRows.forEach(p -> rows.add(MultiGauge.Row.of(Tags.of("partner", p.path("partnerId").asText()),
                        p.path("push").path("suspended").asBoolean(false) ? 1 : 0)));
                suspendedGauge.register(rows, true);
                part.set("rows", partnerRows);
            }
            return part;
        }, partners);
        services = attempt("services", () -> {
            ObjectNode part = part();
            ArrayNode rows = part.putArray("rows");
            List<ServiceHealth.Answer> answers = health.check();
            readyGauge.register(answers.stream().<MultiGauge.Row<?>>map(a -> MultiGauge.Row.of(
                    Tags.of("target", a.service()), "UP".equals(a.status()) ? 1 : 0)).toList(), true);
            for (ServiceHealth.Answer answer : answers) {
                ObjectNode row = rows.addObject().put("service", answer.service()).put("url", answer.url())
                        .put("status", answer.status()).put("httpStatus", answer.httpStatus());
                ObjectNode details = row.putObject("details");
                answer.details().forEach(details::put);
            }
            return part;
        }, services);
        sampledAt = Instant.ofEpochMilli(now);
    }

    private interface PartSampler {
        ObjectNode sample() throws Exception;
    }

    /** A part's new sample, or on failure its last one marked with the reason (logged when the reason changes). */
    private ObjectNode attempt(String name, PartSampler sampler, ObjectNode previous) {
        try {
            ObjectNode part = sampler.sample();
            part.put("at", clock.instant().toString());
            if (lastErrors.remove(name) != null) {
                LOG.info("ops page: {} answer again", name);
            }
            return part;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return previous;
        } catch (Exception e) {
            String reason = Failures.oneLine(e);
            if (!reason.equals(lastErrors.put(name, reason))) {
                LOG.warn("ops page: cannot sample {}: {}", name, reason);
            }
            ObjectNode failed = previous.deepCopy();
            failed.put("error", reason);
            return failed;
        }
    }

    private static ObjectNode lagPart(LagReport report) {
        ObjectNode part = part();
        ArrayNode rows = part.putArray("rows");
        for (GroupLag group : report.groups()) {
            ObjectNode row = rows.addObject().put("group", group.groupId()).put("type", group.type())
                    .put("state", group.state()).put("owned", group.owned()).put("lag", group.totalLag());
            ArrayNode partitions = row.putArray("partitions");
            for (PartitionLag lag : group.partitions()) {
                ObjectNode p = partitions.addObject().put("topic", lag.topic()).put("partition", lag.partition())
                        .put("end", lag.end()).put("lag", lag.lag());
                if (lag.committed() == null) {
                    p.putNull("committed");
                } else {
                    p.put("committed", lag.committed());
                }
            }
        }
        ArrayNode missing = part.putArray("missingOwned");
        report.missingOwned().forEach(missing::add);
        return part;
    }

    private static ObjectNode part() {
        return JSON.createObjectNode();
    }

    /** The page's whole state: the latest sample of every part, dead letters of {@code stage} (blank: all). */
    ObjectNode snapshot(String stage) {
        ObjectNode body = JSON.createObjectNode();
        Instant at = sampledAt;
        if (at == null) {
            body.putNull("sampledAt");
        } else {
            body.put("sampledAt", at.toString());
        }
        body.put("refreshMillis", config.refreshInterval().toMillis());
        body.put("actions", !config.adminToken().isEmpty());
        body.set("topics", topics);
        body.set("groups", groups);
        body.set("deadLetters", deadLetterPart(stage));
        body.set("partners", partners);
        body.set("services", services);
        return body;
    }

    private ObjectNode deadLetterPart(String stage) {
        ObjectNode part = deadLetterState.deepCopy();
        part.put("total", deadLetters.total());
        ObjectNode stages = part.putObject("byStage");
        deadLetters.byStage().forEach(stages::put);
        if (stage == null || stage.isBlank()) {
            part.putNull("stage");
        } else {
            part.put("stage", stage);
        }
        Map<String, DeadLetterReplay> replayed = replays;
        ArrayNode rows = part.putArray("rows");
        for (DeadLetterEntry entry : deadLetters.latest(stage, config.pageDeadLetters())) {
            ObjectNode row = rows.addObject().put("id", entry.id().toString())
                    .put("partition", entry.id().partition()).put("offset", entry.id().offset())
                    .put("failedAt", entry.failedAt().toString()).put("service", entry.service())
                    .put("stage", entry.stage()).put("errorClass", entry.errorClass())
                    .put("error", entry.errorMessage()).put("source", entry.source()).put("key", entry.key());
            String notReplayable = entry.notReplayableBecause();
            if (notReplayable == null) {
                row.putNull("notReplayable");
            } else {
                row.put("notReplayable", notReplayable);
            }
            DeadLetterReplay replay = replayed.get(entry.id().toString());
            if (replay == null) {
                row.putNull("replay");
            } else {
                row.putObject("replay").put("at", replay.getReplayedAt().toString()).put("by", replay.getReplayedBy())
                        .put("target", replay.getTargetTopic() + "/" + replay.getTargetPartition() + "/"
                                + replay.getTargetOffset());
            }
        }
        return part;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("ops page: the sampler did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throughput.close();
        deadLetterLog.close();
        ledgerConsumer.close(Duration.ofSeconds(5));
    }
}
