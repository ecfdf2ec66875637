package dev.newsflow.bench.e2e;

import dev.newsflow.bench.broker.BrokerRequestCounts;
import dev.newsflow.bench.broker.BrokerRequestProbe;
import dev.newsflow.bench.corpus.CorpusGenerator;
import dev.newsflow.bench.corpus.CorpusMix;
import dev.newsflow.bench.corpus.SubmissionPlan;
import dev.newsflow.bench.jmx.ProcessJmx;
import dev.newsflow.bench.memory.HeapHistogram;
import dev.newsflow.bench.memory.ProcessMemorySampler;
import dev.newsflow.bench.memory.ThreadAllocationSnapshot;
import dev.newsflow.bench.memory.ThreadCpuSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end load generator behind {@code newsflow bench e2e}: posts a generated corpus to a
 * running pipeline's ingest API, watches {@code articles-enriched} (read_committed) and a
 * partner's JSON Feed, and reports throughput, latency percentiles (HdrHistogram), errors and
 * the exactly-once count check; then moves records of the same sizes through the same broker
 * with a plain producer/consumer for the ceiling. Send traffic only to your own loopback or test
 * hosts.
 */
public final class LoadGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
    /** How long the feed may lag the topic at the end of a run before unseen items are given up on. */
    static final Duration FEED_GRACE = Duration.ofSeconds(10);
    /** How long the generator's own JIT must have been idle before a run starts, and the longest wait for it. */
    static final Duration JIT_QUIET = Duration.ofMillis(500);
    static final Duration JIT_SETTLE_AT_MOST = Duration.ofSeconds(15);

    private LoadGenerator() {
    }

    /** Runs {@code options.runs()} measured runs (after the warm-up) and returns the report. */
    public static LoadReport run(LoadOptions options) throws Exception {
        ProcessMemorySampler memory = options.pipelinePid() > 0
                ? ProcessMemorySampler.start(options.pipelinePid(), Duration.ofMillis(100)) : null;
        ProcessJmx jmx = options.pipelinePid() > 0 ? ProcessJmx.open(options.pipelinePid()).orElse(null) : null;
        try {
            if (options.warmupArticles() > 0) {
                LOG.info("warm-up: {} articles", options.warmupArticles());
                runOnce(options, options.seed() * 1_000 + 999, options.warmupArticles(), false, jmx, null, 0);
            }
            LatencyTrace trace = options.latencyTrace() == null ? null : LatencyTrace.create(options.latencyTrace());
            List<LoadRunResult> runs = new ArrayList<>();
            for (int r = 0; r < options.runs(); r++) {
                long seed = options.seed() * 1_000 + r;
                LOG.info("run {}/{}: {} articles, {}", r + 1, options.runs(), options.articles(),
                        options.closedLoop() ? "closed loop, " + options.concurrency() + " in flight"
                                : "open loop at " + options.rate() + "/s");
                LoadRunResult result = runOnce(options, seed, options.articles(), options.rawBaseline(), jmx, trace,
                        r + 1);
                LOG.info("run {}: {} accepted, {} enriched/s, count check {}", r + 1, result.accepted(),
                        Math.round(result.enrichedThroughput()), result.countCheck().passed() ? "passed" : "FAILED");
                runs.add(result);
            }
            LoadReport.Memory memoryFigures = null;
            if (memory != null) {
                memory.close();
                HeapHistogram heap = null;
                try {
                    heap = HeapHistogram.of(options.pipelinePid());
                } catch (Exception e) {
                    LOG.warn("no class histogram of process {}: {}", options.pipelinePid(), e.toString());
                }
                memoryFigures = new LoadReport.Memory(options.pipelinePid(), memory.peakRssBytes(),
                        memory.highWaterMarkBytes(), memory.samples(), heap);
            }
            return new LoadReport(options, runs, memoryFigures);
        } finally {
            if (memory != null) {
                memory.close();
            }
            if (jmx != null) {
                jmx.close();
            }
        }
    }

    /**
     * @param jmx the pipeline's process, to count its broker's requests and its threads' allocation during the run;
     *            null when not reachable
     * @param trace where to write this run's timings, or null (the warm-up's are never written)
     */
    private static LoadRunResult runOnce(LoadOptions options, long seed, int articles, boolean withBaseline,
                                         ProcessJmx jmx, LatencyTrace trace, int run) throws Exception {
        CorpusMix mix = options.mix();
        // Dated now, 1 ms apart in sending order: feeds are newest first and capped, as partners see them.
        SubmissionPlan plan = SubmissionPlan.generate(new CorpusGenerator(seed,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), Duration.ofMillis(1)),
                articles, mix);
        ArrivalLog enrichedLog = new ArrivalLog();
        ArrivalLog feedLog = new ArrivalLog();
        EnrichedTopicWatcher enriched = new EnrichedTopicWatcher(options.bootstrapServers(),
                options.schemaRegistryUrl(), options.kafkaClientSettings(), enrichedLog);
        FeedWatcher feed = options.feedUrl() == null ? null
                : new FeedWatcher(options.feedUrl(), options.feedToken(), options.feedPollInterval(), feedLog);
        List<PostOutcome> outcomes;
        Evaluation evaluation;
        Duration settled = OwnJitSettling.await(JIT_QUIET, JIT_SETTLE_AT_MOST);
        LOG.debug("own JIT quiet after {} ms", settled.toMillis());
        ThreadCpuSnapshot cpuBefore = options.pipelinePid() > 0 && ThreadCpuSnapshot.supported(options.pipelinePid())
                ? ThreadCpuSnapshot.of(options.pipelinePid()) : null;
        LoadRunResult.ByComponent cpu = null;
        // In-process (e2e-local) the pipeline's threads are this process's too: the generator's share is not apart.
        boolean generatorApart = cpuBefore != null && options.pipelinePid() != ProcessHandle.current().pid();
        long generatorCpuBefore = generatorApart ? ownCpuNanos() : 0;
        double generatorCpuSeconds = Double.NaN;
        BrokerRequestProbe broker = jmx == null ? null : new BrokerRequestProbe(jmx);
        BrokerRequestCounts requestsBefore = broker == null ? null : broker.snapshot();
        BrokerRequestCounts requests = null;
        ThreadAllocationSnapshot allocatedBefore = jmx == null ? null : ThreadAllocationSnapshot.of(jmx);
        LoadRunResult.ByComponent allocation = null;
        try {
            PostSender sender = new PostSender(options.ingestUrl(), options.apiKey(), options.concurrency(),
                    options.batchSize());
            outcomes = sender.send(plan.submissions(), options.rate(),
                    Duration.ofSeconds(60).plus(options.drainTimeout()));
            evaluation = new Evaluation(outcomes);
            long deadline = System.nanoTime() + options.drainTimeout().toNanos();
            enrichedLog.awaitUntil(() -> evaluation.allArrived(enrichedLog) || !enriched.alive(), deadline);
            if (feed != null) {
                // The feed follows the topic within a few polls; an item that left a capped feed before a poll saw
                // it never shows, so do not wait the whole drain time for it.
                long feedDeadline = Math.min(deadline, System.nanoTime() + FEED_GRACE.toNanos());
                feedLog.awaitUntil(() -> evaluation.allFirstVersionsSeen(feedLog), feedDeadline);
            }
            if (cpuBefore != null) {
                cpu = new LoadRunResult.ByComponent(ThreadCpuSnapshot.of(options.pipelinePid()).since(cpuBefore));
                if (generatorApart) {
                    generatorCpuSeconds = (ownCpuNanos() - generatorCpuBefore) / 1e9;
                }
            }
            if (requestsBefore != null) {
                requests = broker.snapshot().since(requestsBefore);
            }
            if (allocatedBefore != null) {
                allocation = new LoadRunResult.ByComponent(
                        ThreadAllocationSnapshot.of(jmx).since(allocatedBefore));
            }
        } finally {
            enriched.close();
            if (feed != null) {
                feed.close();
            }
        }
        if (trace != null) {
            trace.append(run, outcomes, enrichedLog, feed == null ? null : feedLog);
        }
        LoadRunResult.CountCheck countCheck = evaluation.countCheck(enrichedLog);
        LoadRunResult.FeedCheck feedCheck = feed == null ? null : evaluation.feedCheck(feedLog, feed);
        RawKafkaBaseline.Result baseline = null;
        if (withBaseline) {
            baseline = RawKafkaBaseline.run(options.bootstrapServers(), options.kafkaClientSettings(),
                    plan.payloadSizes(), options.rate(), options.drainTimeout());
        }
        double meanBytes = java.util.Arrays.stream(plan.payloadSizes()).average().orElse(0);
        return new LoadRunResult(seed, plan.countsByKind(), plan.countsByShape(), outcomes.size(),
                evaluation.accepted.size(), evaluation.repeats, evaluation.statusCounts,
                evaluation.postThroughput(), evaluation.enrichedThroughput(enrichedLog),
                LatencySummary.of(evaluation.postLatency), LatencySummary.of(evaluation.enrichedLatency(enrichedLog)),
                feed == null ? null : LatencySummary.of(evaluation.feedLatency(feedLog)), countCheck, feedCheck,
                baseline, meanBytes, cpu, requests, allocation, generatorCpuSeconds);
    }

    /** CPU time of this process (the load generator), every thread. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Matches the answers with what arrived on the topic and in the feed. */
    static final class Evaluation {
        final List<PostOutcome> accepted = new ArrayList<>();
        final Map<Integer, Long> statusCounts = new TreeMap<>();
        final Set<String> articleIds = new HashSet<>();
        final Set<String> expectedVersions = new HashSet<>();
        /** Per article, the POST that created its first version (feed latency is measured from it). */
        final Map<String, PostOutcome> firstVersions = new HashMap<>();
        final Histogram postLatency = LatencySummary.newHistogram();
        long repeats;
        long firstStart = Long.MAX_VALUE;
        long lastAnswer = Long.MIN_VALUE;

        Evaluation(List<PostOutcome> outcomes) {
            for (PostOutcome outcome : outcomes) {
                statusCounts.merge(outcome.status(), 1L, Long::sum);
                firstStart = Math.min(firstStart, outcome.startNanos());
                lastAnswer = Math.max(lastAnswer, outcome.responseNanos());
                LatencySummary.record(postLatency, outcome.responseNanos() - outcome.startNanos());
                if (outcome.articleId() != null) {
                    articleIds.add(outcome.articleId());
                }
                if (outcome.accepted()) {
                    accepted.add(outcome);
                    expectedVersions.add(outcome.versionKey());
                    if (outcome.version() == 1) {
                        firstVersions.put(outcome.articleId(), outcome);
                    }
                } else if (outcome.repeat()) {
                    repeats++;
                }
            }
        }

        boolean allArrived(ArrivalLog log) {
            for (String key : expectedVersions) {
                if (log.get(key) == null) {
                    return false;
                }
            }
            return true;
        }

        boolean allFirstVersionsSeen(ArrivalLog log) {
            for (String id : firstVersions.keySet()) {
                if (log.get(id) == null) {
                    return false;
                }
            }
            return true;
        }

        double postThroughput() {
            double seconds = (lastAnswer - firstStart) / 1e9;
            return seconds > 0 ? accepted.size() / seconds : Double.NaN;
        }

        double enrichedThroughput(ArrivalLog log) {
            long last = Long.MIN_VALUE;
            long arrived = 0;
            for (String key : expectedVersions) {
                ArrivalLog.Arrival arrival = log.get(key);
                if (arrival != null) {
                    arrived++;
                    last = Math.max(last, arrival.firstNanos());
                }
            }
            double seconds = (last - firstStart) / 1e9;
            return arrived > 0 && seconds > 0 ? arrived / seconds : Double.NaN;
        }

        Histogram enrichedLatency(ArrivalLog log) {
            Histogram histogram = LatencySummary.newHistogram();
            for (PostOutcome outcome : accepted) {
                ArrivalLog.Arrival arrival = log.get(outcome.versionKey());
                if (arrival != null) {
                    LatencySummary.record(histogram, arrival.firstNanos() - outcome.startNanos());
                }
            }
            return histogram;
        }

        Histogram feedLatency(ArrivalLog log) {
            Histogram histogram = LatencySummary.newHistogram();
            for (PostOutcome outcome : firstVersions.values()) {
                ArrivalLog.Arrival arrival = log.get(outcome.articleId());
                if (arrival != null) {
                    LatencySummary.record(histogram, arrival.firstNanos() - outcome.startNanos());
                }
            }
            return histogram;
        }

        LoadRunResult.CountCheck countCheck(ArrivalLog log) {
            long once = 0;
            long missing = 0;
            long duplicated = 0;
            for (String key : expectedVersions) {
                ArrivalLog.Arrival arrival = log.get(key);
                if (arrival == null) {
                    missing++;
                } else if (arrival.count().get() == 1) {
                    once++;
                } else {
                    duplicated++;
                }
            }
            long unexpected = 0;
            for (Map.Entry<String, ArrivalLog.Arrival> entry : log.all().entrySet()) {
                String key = entry.getKey();
                String id = key.substring(0, key.lastIndexOf('#'));
                if (articleIds.contains(id) && !expectedVersions.contains(key)) {
                    unexpected++;
                }
            }
            return new LoadRunResult.CountCheck(expectedVersions.size(), once, missing, duplicated, unexpected);
        }

        LoadRunResult.FeedCheck feedCheck(ArrivalLog log, FeedWatcher feed) {
            long seen = firstVersions.keySet().stream().filter(id -> log.get(id) != null).count();
            return new LoadRunResult.FeedCheck(firstVersions.size(), seen, feed.repeatedItems(), feed.polls(),
                    feed.errors());
        }
    }

    /** Convenience for callers that only need the plan (e.g. to print what a run will send). */
    public static SubmissionPlan plan(LoadOptions options, int run) {
        return SubmissionPlan.generate(new CorpusGenerator(options.seed() * 1_000 + run), options.articles(),
                options.mix());
    }
}
