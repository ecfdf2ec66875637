package dev.newsflow.bench.e2e;

import dev.newsflow.bench.broker.BrokerRequestCounts;
import dev.newsflow.bench.corpus.ArticleShape;
import dev.newsflow.bench.corpus.Submission;
import java.util.Map;

/**
 * The figures of one load run.
 *
 * @param postThroughput answers per second from the first POST's start to the last answer
 * @param enrichedThroughput accepted article versions per second from the first POST's start to the last one
 *                           arriving on {@code articles-enriched}
 * @param statusCounts answers by HTTP status (0 = no answer: connection error or timeout)
 * @param countCheck whether every accepted version arrived exactly once
 * @param baseline the raw-Kafka run of the same record sizes, or null when not run
 * @param brokerRequests requests the pipeline's broker handled over the same span as {@code cpu}, by kind, or null
 *                       when its process could not be reached
 * @param allocation heap the pipeline's threads allocated over the same span, or null when its process could not
 *                   be reached
 * @param generatorCpuSeconds CPU the load generator's own process used over the same span as {@code cpu} (it shares
 *                            the machine's cores with the pipeline), or NaN when not measured
 */
public record LoadRunResult(
        long seed,
        Map<Submission.Kind, Integer> plannedKinds,
        Map<ArticleShape, Integer> plannedShapes,
        long posts,
        long accepted,
        long repeats,
        Map<Integer, Long> statusCounts,
        double postThroughput,
        double enrichedThroughput,
        LatencySummary postLatency,
        LatencySummary enrichedLatency,
        LatencySummary feedLatency,
        CountCheck countCheck,
        FeedCheck feedCheck,
        RawKafkaBaseline.Result baseline,
        double payloadBytesMean,
        ByComponent cpu,
        BrokerRequestCounts brokerRequests,
        ByComponent allocation,
        double generatorCpuSeconds) {

    /**
     * A total of the pipeline's process over a run (from the run's first POST until everything had arrived, the
     * raw-Kafka baseline excluded), by component: CPU seconds, or bytes allocated.
     */
    public record ByComponent(java.util.Map<dev.newsflow.bench.memory.CpuComponent, Double> amounts) {
        /** One component's amount, or (null) the whole process's. */
        public double of(dev.newsflow.bench.memory.CpuComponent component) {
            return component == null ? amounts.values().stream().mapToDouble(Double::doubleValue).sum()
                    : amounts.getOrDefault(component, 0.0);
        }
    }

    /** Milliseconds of the pipeline's CPU per accepted article version, for one component or (null) all. */
    public double cpuMillisPerArticle(dev.newsflow.bench.memory.CpuComponent component) {
        return 1000 * perArticle(cpu, component);
    }

    /** Milliseconds of the load generator's own CPU per accepted article version (NaN when not measured). */
    public double generatorCpuMillisPerArticle() {
        return accepted > 0 ? 1000 * generatorCpuSeconds / accepted : Double.NaN;
    }

    /** KB (1,024 bytes) of heap allocated per accepted article version, by one component's threads or (null) all. */
    public double allocatedKbPerArticle(dev.newsflow.bench.memory.CpuComponent component) {
        return perArticle(allocation, component) / 1024;
    }

    private double perArticle(ByComponent totals, dev.newsflow.bench.memory.CpuComponent component) {
        return totals == null || accepted == 0 ? Double.NaN : totals.of(component) / accepted;
    }

    /** Broker requests of one kind (null: all kinds) per accepted article version. */
    public double brokerRequestsPerArticle(String request) {
        if (brokerRequests == null || accepted == 0) {
            return Double.NaN;
        }
        return (request == null ? brokerRequests.total() : brokerRequests.of(request)) / (double) accepted;
    }

    /**
     * @param expected accepted article versions (202 answers)
     * @param arrivedOnce of those, how many arrived exactly once
     * @param missing never arrived within the drain time
     * @param duplicated arrived more than once
     * @param unexpected versions of this run's articles that arrived without a 202 for them
     *                   (e.g. written, but the answer was lost)
     */
    public record CountCheck(long expected, long arrivedOnce, long missing, long duplicated, long unexpected) {
        public boolean passed() {
            return expected > 0 && arrivedOnce == expected && missing == 0 && duplicated == 0 && unexpected == 0;
        }
    }

    /**
     * @param expected articles with an accepted first version
     * @param seen of those, how many appeared in the feed
     * @param repeatedItems items found twice in one feed document
     * @param polls feed requests made
     */
    public record FeedCheck(long expected, long seen, long repeatedItems, long polls, long errors) {
        public boolean passed() {
            return expected > 0 && seen == expected && repeatedItems == 0;
        }
    }

    public long errors() {
        return statusCounts.entrySet().stream().filter(e -> e.getKey() != 200 && e.getKey() != 202)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Pipeline end-to-end throughput as a share of the raw-Kafka baseline's, or NaN. */
    public double throughputRatio() {
        return baseline == null || !(baseline.throughput() > 0) ? Double.NaN : enrichedThroughput / baseline.throughput();
    }
}
