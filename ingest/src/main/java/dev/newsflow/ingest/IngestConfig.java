package dev.newsflow.ingest;

import dev.newsflow.ingest.auth.ApiKeys;
import dev.newsflow.ingest.parse.HtmlLimits;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * The ingest service's settings. There is no default API key: a deployment names its
 * publishers' keys inline ({@code ingest.api.keys}, e.g. from {@code NEWSFLOW_INGEST_API_KEYS})
 * and/or in a key file that is re-read when it changes ({@code ingest.api.keys.file}).
 */
public final class IngestConfig extends ServiceConfig {
    public static final String HOST = "ingest.host";
    public static final String PORT = "ingest.port";
    public static final String API_KEYS = "ingest.api.keys";
    public static final String API_KEYS_FILE = "ingest.api.keys.file";
    public static final String API_KEYS_RELOAD_INTERVAL_MS = "ingest.api.keys.reload.interval.ms";
    public static final String MAX_BODY_BYTES = "ingest.max.body.bytes";
    public static final String HTML_MAX_DEPTH = "ingest.html.max.depth";
    public static final String HTML_TIME_BUDGET_MS = "ingest.html.time.budget.ms";
    public static final String PRODUCE_TIMEOUT_MS = "ingest.produce.timeout.ms";
    public static final String RETRY_AFTER_SECONDS = "ingest.retry.after.seconds";
    public static final String BATCH_MAX_LINES = "ingest.batch.max.lines";
    public static final String BATCH_MAX_BYTES = "ingest.batch.max.bytes";
    public static final String RATE_LIMIT_PER_MINUTE = "ingest.rate.limit.per.minute";
    public static final String RATE_LIMIT_BURST = "ingest.rate.limit.burst";
    public static final String SECTIONS = "ingest.sections";
    public static final String LANGUAGE_DETECTION = "ingest.language.detection";
    public static final String STATE_REBUILD_TIMEOUT_MS = "ingest.state.rebuild.timeout.ms";
    public static final String READ_TIMEOUT_MS = "ingest.read.timeout.ms";
    /** Producer-only Kafka settings pass through under this prefix (acks and idempotence stay forced). */
    public static final String PRODUCER_PREFIX = "ingest.producer.";
    /** Settings only for the consumer that reads accepted articles back for GET, under this prefix. */
    public static final String READER_PREFIX = "ingest.reader.";

    private static final ConfigDef DEFINITION = ServiceConfig.commonDefinition()
            .define(HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address the publisher API listens on.")
            .define(PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "Port of the publisher API; 0 picks a free port (see IngestService.port()).")
            .define(API_KEYS, Type.PASSWORD, "", Importance.HIGH,
                    "Publisher API keys, comma-separated 'publisherId:key' or 'publisherId:sha256:<hex>' entries. "
                            + "Keys are held only as SHA-256 digests. No default.")
            .define(API_KEYS_FILE, Type.STRING, "", Importance.HIGH,
                    "Optional file with one 'publisherId:key' or 'publisherId:sha256:<hex>' per line (# comments); "
                            + "re-read when it changes, so keys rotate without a restart.")
            .define(API_KEYS_RELOAD_INTERVAL_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often the key file is checked for changes.")
            .define(MAX_BODY_BYTES, Type.INT, 2 * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
                    "Largest request body accepted; larger ones are answered 413.")
            .define(HTML_MAX_DEPTH, Type.INT, HtmlLimits.DEFAULT_MAX_DEPTH, ConfigDef.Range.atLeast(16),
                    Importance.LOW, "Deepest nesting of elements an HTML document (a page, or bodyHtml/body_html in JSON) "
                            + "may have; deeper ones are answered 422. Real article pages nest fewer than 50 levels.")
            .define(HTML_TIME_BUDGET_MS, Type.LONG, HtmlLimits.DEFAULT_TIME_BUDGET.toMillis(), ConfigDef.Range.atLeast(10),
                    Importance.LOW, "CPU time reading one HTML document may take; past it the answer is 422. Reading is "
                            + "linear in the document's size, so this is a backstop, not a limit real pages meet.")
            .define(PRODUCE_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1_000), Importance.MEDIUM,
                    "How long a write may wait for Kafka's acknowledgement (acks=all) before the publisher "
                            + "gets 503 with Retry-After; also the producer's delivery.timeout.ms.")
            .define(RETRY_AFTER_SECONDS, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Retry-After sent with 503 answers.")
            .define(BATCH_MAX_LINES, Type.INT, 1_000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Most NDJSON lines one POST /v1/articles:batch may carry.")
            .define(BATCH_MAX_BYTES, Type.INT, 32 * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
                    "Largest NDJSON batch body accepted; larger ones are answered 413.")
            .define(RATE_LIMIT_PER_MINUTE, Type.INT, 600, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Articles per minute each publisher may submit (batch lines count one each); 0 = unlimited. "
                            + "Over it the answer is 429 with Retry-After.")
            .define(RATE_LIMIT_BURST, Type.INT, 100, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Articles a publisher may submit at once before the per-minute rate applies.")
            .define(SECTIONS, Type.LIST, SectionLine.DEFAULT_SECTIONS, Importance.LOW,
                    "Known section names, for splitting scraped section lines such as 'NewsPolitics' into News / Politics.")
            .define(LANGUAGE_DETECTION, Type.BOOLEAN, true, Importance.LOW,
                    "Detect the language (offline) when the publisher does not give one.")
            .define(STATE_REBUILD_TIMEOUT_MS, Type.LONG, 120_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
                    "At start, how long ingest may take to re-read articles-submitted to learn the latest version "
                            + "and content hash of each article.")
            .define(READ_TIMEOUT_MS, Type.INT, 5_000, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How long GET /v1/articles/{id} may wait for Kafka to give the article back (ingest keeps "
                            + "only where each article is, not its text) before answering 503 with Retry-After.");

    public IngestConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
        apiKeys();
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    /** Properties file < {@code NEWSFLOW_*} environment < overrides. */
    public static IngestConfig load(ConfigLoader loader, Path propertiesFile, Map<String, ?> overrides) {
        return new IngestConfig(loader.load(DEFINITION, propertiesFile, overrides));
    }

    public String host() {
        return getString(HOST);
    }

    public int port() {
        return getInt(PORT);
    }

    /** The inline keys, parsed (and so validated) when the config is built. */
    public ApiKeys apiKeys() {
        Password password = getPassword(API_KEYS);
        String value = password == null ? "" : password.value();
        return ApiKeys.parse(Arrays.asList(value.split(",")), API_KEYS);
    }

    /** The key file, or null when none is configured. */
    public Path apiKeysFile() {
        String file = getString(API_KEYS_FILE);
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    public long apiKeysReloadIntervalMs() {
        return getLong(API_KEYS_RELOAD_INTERVAL_MS);
    }

    public int maxBodyBytes() {
        return getInt(MAX_BODY_BYTES);
    }

    /** How deep and how long reading one HTML document may go. */
    public HtmlLimits htmlLimits() {
        return new HtmlLimits(getInt(HTML_MAX_DEPTH), Duration.ofMillis(getLong(HTML_TIME_BUDGET_MS)));
    }

    public int produceTimeoutMs() {
        return getInt(PRODUCE_TIMEOUT_MS);
    }

    public int retryAfterSeconds() {
        return getInt(RETRY_AFTER_SECONDS);
    }

    public int batchMaxLines() {
        return getInt(BATCH_MAX_LINES);
    }

    public int batchMaxBytes() {
        return getInt(BATCH_MAX_BYTES);
    }

    public int rateLimitPerMinute() {
        return getInt(RATE_LIMIT_PER_MINUTE);
    }

    public int rateLimitBurst() {
        return getInt(RATE_LIMIT_BURST);
    }

    public List<String> sections() {
        return getList(SECTIONS);
    }

    public boolean languageDetection() {
        return getBoolean(LANGUAGE_DETECTION);
    }

    /** Client settings for the producer: the shared ones, then any {@code ingest.producer.*} overrides. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> producer = new HashMap<>(kafkaClientConfig());
        producer.putAll(originalsWithPrefix(PRODUCER_PREFIX));
        producer.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES);
        return producer;
    }

    /** Client settings for the article reader: the shared ones, then any {@code ingest.reader.*} overrides. */
    public Map<String, Object> readerConfig() {
        Map<String, Object> reader = new HashMap<>(kafkaClientConfig());
        reader.putAll(originalsWithPrefix(READER_PREFIX));
        return reader;
    }

    public int readTimeoutMs() {
        return getInt(READ_TIMEOUT_MS);
    }

    public long stateRebuildTimeoutMs() {
        return getLong(STATE_REBUILD_TIMEOUT_MS);
    }
}
