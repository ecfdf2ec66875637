package dev.newsflow.bench.e2e;

import dev.newsflow.bench.corpus.CorpusMix;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one {@code newsflow bench e2e} invocation: where the running pipeline is, how many
 * articles to post and at what pace, and how many times to repeat the run.
 *
 * @param ingestUrl base URL of the ingest service (POSTs go to {@code <ingestUrl>/v1/articles}; the endpoint URL
 *                  itself is accepted too); loopback or a test host of your own only
 * @param apiKey a publisher API key ingest accepts
 * @param bootstrapServers Kafka, for reading {@code articles-enriched} (read_committed) and the raw baseline
 * @param schemaRegistryUrl the registry the pipeline writes its schemas to (to decode enriched records)
 * @param feedUrl a partner's JSON Feed ({@code ....json}) that carries every article, or null to skip feed latency
 * @param feedToken the partner token sent as {@code Authorization: Bearer}, or null (signed URL / no auth)
 * @param articles POSTs per run
 * @param rate articles per second offered (open loop, latency from the intended send time); 0 = closed loop
 *             at max with {@code concurrency} requests in flight
 * @param concurrency most POSTs in flight at once (closed loop: exactly this many)
 * @param runs repetitions (each with its own corpus seed); figures are reported as median (min–max)
 * @param warmupArticles POSTs sent (and awaited) before each run and not measured; 0 = none
 * @param drainTimeout how long to wait, after the last response, for everything to reach the topic and feed
 * @param feedPollInterval how often the feed is polled (feed latency is only as precise as this)
 * @param rawBaseline also run the plain producer/consumer baseline through the same broker in each run
 * @param kafkaClientSettings extra Kafka client settings (security, etc.) for the bench's own clients
 * @param pipelinePid process id of the pipeline (e.g. {@code newsflow demo}) whose RSS is sampled during the
 *                    runs from {@code /proc}, and whose heap is broken down with {@code jcmd} at the end; 0 = none
 * @param batchSize articles per request: 1 = one {@code POST /v1/articles} each; more = NDJSON
 *                  {@code POST /v1/articles:batch} of that many lines (JSON articles only: the mix must have no
 *                  text or HTML); {@code concurrency} then counts batches in flight
 * @param latencyTrace a file to write every measured POST's timings to (one line each, tab-separated, for
 *                     finding what the percentiles are made of, e.g. beside the pipeline's GC log), or null
 */
public record LoadOptions(URI ingestUrl, String apiKey, String bootstrapServers, String schemaRegistryUrl,
                          URI feedUrl, String feedToken, int articles, double rate, int concurrency, int runs,
                          int warmupArticles, long seed, CorpusMix mix, Duration drainTimeout,
                          Duration feedPollInterval, boolean rawBaseline, Map<String, Object> kafkaClientSettings,
                          long pipelinePid, int batchSize, Path latencyTrace) {

    public LoadOptions {
        Objects.requireNonNull(ingestUrl, "ingestUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(feedPollInterval, "feedPollInterval");
        if (articles < 1 || concurrency < 1 || runs < 1 || warmupArticles < 0 || rate < 0) {
            throw new IllegalArgumentException("articles, concurrency, runs >= 1; warm-up and rate >= 0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size >= 1");
        }
        if (batchSize > 1 && (mix.textWeight() > 0 || mix.htmlWeight() > 0)) {
            throw new IllegalArgumentException("batches carry JSON articles only: use a JSON-only mix");
        }
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
    }

    public boolean closedLoop() {
        return rate <= 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: 2,000 articles, closed loop with 32 in flight, 1 run, 200 warm-up POSTs, realistic mix, a seed
     * taken from the clock.
     */
    public static final class Builder {
        private URI ingestUrl;
        private String apiKey;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private URI feedUrl;
        private String feedToken;
        private int articles = 2_000;
        private double rate;
        private int concurrency = 32;
        private int runs = 1;
        private int warmupArticles = 200;
        // A new corpus per invocation by default: re-sending an earlier run's articles to the same pipeline would
        // be answered as repeats. The seed is in the report, so a run can be repeated exactly.
        private long seed = System.currentTimeMillis() % 1_000_000_007L;
        private CorpusMix mix = CorpusMix.realistic();
        private Duration drainTimeout = Duration.ofSeconds(60);
        // Each poll of a changed feed makes the syndicator render it: poll often enough for a useful latency,
        // rarely enough not to load it (its cost is in the feed-rendering benchmark).
        private Duration feedPollInterval = Duration.ofMillis(50);
        private boolean rawBaseline = true;
        private Map<String, Object> kafkaClientSettings = Map.of();
        private long pipelinePid;
        private int batchSize = 1;
        private Path latencyTrace;

        public Builder ingestUrl(URI value) {
            ingestUrl = value;
            return this;
        }

        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        public Builder bootstrapServers(String value) {
            bootstrapServers = value;
            return this;
        }

        public Builder schemaRegistryUrl(String value) {
            schemaRegistryUrl = value;
            return this;
        }

        public Builder feedUrl(URI value) {
            feedUrl = value;
            return this;
        }

        public Builder feedToken(String value) {
            feedToken = value;
            return this;
        }

        public Builder articles(int value) {
            articles = value;
            return this;
        }

        /** Articles per second, open loop; 0 = closed loop at max. */
        public Builder rate(double value) {
            rate = value;
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder runs(int value) {
            runs = value;
            return this;
        }

        public Builder warmupArticles(int value) {
            warmupArticles = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder mix(CorpusMix value) {
            mix = value;
            return this;
        }

        public Builder drainTimeout(Duration value) {
            drainTimeout = value;
            return this;
        }

        public Builder feedPollInterval(Duration value) {
            feedPollInterval = value;
            return this;
        }

        public Builder rawBaseline(boolean value) {
            rawBaseline = value;
            return this;
        }

        public Builder kafkaClientSettings(Map<String, Object> value) {
            kafkaClientSettings = value;
            return this;
        }

        /** The pipeline's process id, to sample its memory; 0 = none. */
        public Builder pipelinePid(long value) {
            pipelinePid = value;
            return this;
        }

        /** Articles per request; above 1, NDJSON batches (JSON-only mix). */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Where to write every measured POST's timings; null = nowhere. */
        public Builder latencyTrace(Path value) {
            latencyTrace = value;
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(ingestUrl, apiKey, bootstrapServers, schemaRegistryUrl, feedUrl, feedToken,
                    articles, rate, concurrency, runs, warmupArticles, seed, mix, drainTimeout, feedPollInterval,
                    rawBaseline, kafkaClientSettings, pipelinePid, batchSize, latencyTrace);
        }
    }
}
