package dev.newsflow.syndicate;

import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.platform.config.Validators;
import dev.newsflow.syndicate.state.FeedQuery;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Settings of the syndicate service: the partner-facing HTTP server, the admin token, the
 * feed-state Streams application and the paging limits. There is no default admin token: without
 * one the admin API answers 503 and partners can only be managed through the topic.
 */
public final class SyndicateConfig extends ServiceConfig {
    public static final String HOST = "syndicate.host";
    public static final String PORT = "syndicate.port";
    public static final String PUBLIC_BASE_URL = "syndicate.public.base.url";
    public static final String ADMIN_TOKEN = "syndicate.admin.token";
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String INSTANCE_ID = "syndicate.instance.id";
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String COMMIT_INTERVAL_MS = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
    public static final String MAX_PAGE_SIZE = "syndicate.max.page.size";
    public static final String CLOSE_TIMEOUT_MS = "syndicate.close.timeout.ms";
    public static final String STARTUP_TIMEOUT_MS = "syndicate.startup.timeout.ms";
    public static final String ADMIN_WRITE_TIMEOUT_MS = "syndicate.admin.write.timeout.ms";

    public static final String PUSH_ENABLED = "syndicate.push.enabled";
    public static final String PUSH_INTERVAL_MS = "syndicate.push.interval.ms";
    public static final String PUSH_TIMEOUT_MS = "syndicate.push.timeout.ms";
    public static final String PUSH_BACKOFF_INITIAL_MS = "syndicate.push.backoff.initial.ms";
    public static final String PUSH_BACKOFF_MAX_MS = "syndicate.push.backoff.max.ms";
    public static final String PUSH_SUSPEND_AFTER_FAILURES = "syndicate.push.suspend.after.failures";
    public static final String PUSH_DELIVERY_THREADS = "syndicate.push.delivery.threads";
    public static final String WEBSUB_HUB_URL = "syndicate.websub.hub.url";
    public static final String STATIC_OUT_DIR = "syndicate.static.out.dir";
    public static final String STATIC_INTERVAL_MS = "syndicate.static.interval.ms";
    public static final String RENDER_CACHE_MAX_BYTES = "syndicate.render.cache.max.bytes";
    public static final String ITEM_CACHE_MAX_BYTES = "syndicate.item.cache.max.bytes";
    public static final String PAGE_CACHE_MAX_ITEMS = "syndicate.page.cache.max.items";
    public static final String ARTICLE_CACHE_MAX_BYTES = "syndicate.article.cache.max.bytes";

    public static final int DEFAULT_PORT = 8082;
    public static final String DEFAULT_APPLICATION_ID = "newsflow-syndicate";

    private static final ConfigDef DEFINITION = ServiceConfig.withStreamsState(ServiceConfig.commonDefinition())
            .define(HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address the feed and admin HTTP API listens on.")
            .define(PORT, Type.INT, DEFAULT_PORT, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "Port of the feed and admin HTTP API; 0 picks a free port (see SyndicateService.port()).")
            .define(PUBLIC_BASE_URL, Type.STRING, "", Validators.absoluteHttpUrlOrEmpty(), Importance.HIGH,
                    "Absolute base URL partners reach this service at (e.g. https://feeds.example.com), used for "
                            + "rel=self, paging and item links. Empty: http://localhost:<port>.")
            .define(ADMIN_TOKEN, Type.PASSWORD, "", Importance.HIGH,
                    "Bearer token of the admin API (/v1/partners). No default: when empty the admin API answers 503.")
            .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Base Kafka Streams application id. Each instance runs as <id>-<instance id>, "
                            + "so every instance holds a full replica of the feed state (see the README).")
            .define(INSTANCE_ID, Type.STRING, "0", new InstanceId(), Importance.HIGH,
                    "Stable name of this instance, unique among the instances sharing an application id; "
                            + "keep it across restarts so the local state is reused.")
            .define(STATE_DIR, Type.STRING, defaultStateDir(), new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Directory of the local feed-state stores; restored from their changelogs when lost.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Kafka Streams commit interval (exactly-once): how soon a new article is visible in feeds.")
            .define(MAX_PAGE_SIZE, Type.INT, 500, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                    "Most items one feed document carries, whatever a feed's maxItems says; older items are "
                            + "reached through the next-page link.")
            .define(CLOSE_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long close() waits for Kafka Streams to commit, leave the group and stop.")
            .define(STARTUP_TIMEOUT_MS, Type.LONG, 120_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
                    "How long start() waits for the feed state to be RUNNING.")
            .define(ADMIN_WRITE_TIMEOUT_MS, Type.LONG, 15_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How long an admin write waits for Kafka's acknowledgement and for the change to be readable.")
            .define(PUSH_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Run webhook push (a Streams application shared by all instances, id <application.id>-push).")
            .define(PUSH_INTERVAL_MS, Type.LONG, 250L, ConfigDef.Range.atLeast(10), Importance.LOW,
                    "How often pending webhook deliveries are attempted.")
            .define(PUSH_TIMEOUT_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "Timeout of one webhook POST; a slower receiver counts as a failure.")
            .define(PUSH_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Wait after the first failed delivery; doubles per consecutive failure, with up to 50% jitter.")
            .define(PUSH_BACKOFF_MAX_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Longest wait between delivery attempts.")
            .define(PUSH_DELIVERY_THREADS, Type.INT, 4, ConfigDef.Range.between(1, 256), Importance.LOW,
                    "Threads sending webhook POSTs, outside the Streams threads; each serves one partner at a time, "
                            + "so this many slow partners can be waited on at once without delaying the others.")
            .define(PUSH_SUSPEND_AFTER_FAILURES, Type.INT, 10, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Consecutive failures after which a partner's webhook is suspended (events are kept; "
                            + "POST /v1/partners/{id}/resume-webhook resumes).")
            .define(WEBSUB_HUB_URL, Type.STRING, "", Validators.absoluteHttpUrlOrEmpty(), Importance.MEDIUM,
                    "WebSub hub: feeds advertise it (rel=hub) and the hub is notified when a feed changes. Empty: off.")
            .define(STATIC_OUT_DIR, Type.STRING, "", Validators.pathOrEmpty(), Importance.MEDIUM,
                    "When set, every feed's first page is also written under this directory "
                            + "(<partner>/<feed>.rss|.atom|.json, atomically) for CDN/S3-style hosting.")
            .define(STATIC_INTERVAL_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often static output and WebSub notifications check feeds for changes.")
            .define(RENDER_CACHE_MAX_BYTES, Type.LONG, 32L << 20, ConfigDef.Range.between(0L, 1L << 40),
                    Importance.LOW,
                    "Heap budget, in bytes, of the rendered feed documents kept to answer unchanged feeds (and "
                            + "their 304s) without rendering; least recently used out first. A document bigger "
                            + "than the budget is not kept; 0 renders every request.")
            .define(ITEM_CACHE_MAX_BYTES, Type.LONG, 16L << 20, ConfigDef.Range.between(0L, 1L << 40),
                    Importance.LOW,
                    "Heap budget, in bytes, of the sanitised item texts (body HTML and text, summary, headline) "
                            + "and serialised JSON Feed items kept per article version and shared by every feed "
                            + "and format, so that a feed changed by one story renders only that story. 0 "
                            + "computes them every render.")
            .define(PAGE_CACHE_MAX_ITEMS, Type.INT, FeedQuery.DEFAULT_CACHED_ITEMS, ConfigDef.Range.between(0, 1_000_000),
                    Importance.LOW,
                    "Budget of the feed-page cache, in articles held (each page read from the feed state holds up "
                            + "to its page size of deserialised articles, ~10-20 KB of heap each); pages are kept "
                            + "until the state changes, least recently used out first. 0 reads the state every time.")
            .define(ARTICLE_CACHE_MAX_BYTES, Type.LONG, 16L << 20, ConfigDef.Range.between(0L, 1L << 40),
                    Importance.LOW,
                    "Heap budget, in approximate bytes, of the articles decoded from the feed state, kept by their "
                            + "stored bytes: a page read after one new story decodes that story and finds the others "
                            + "by their unchanged bytes (a changed, corrected or killed version is other bytes, so it "
                            + "is decoded anew). 0 decodes every article read.");

    public SyndicateConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    /** Properties file (may be null) < {@code NEWSFLOW_*} environment < overrides. */
    public static SyndicateConfig load(ConfigLoader loader, Path propertiesFile, Map<String, ?> overrides) {
        return new SyndicateConfig(loader.load(DEFINITION, propertiesFile, overrides));
    }

    private static String defaultStateDir() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "newsflow", "syndicate-state").toString();
    }

    public String host() {
        return getString(HOST);
    }

    public int port() {
        return getInt(PORT);
    }

    /** The configured public base URL without a trailing slash, or empty when none is set. */
    public String publicBaseUrl() {
        String url = getString(PUBLIC_BASE_URL).strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The admin token, or empty when the admin API is off. */
    public String adminToken() {
        Password password = getPassword(ADMIN_TOKEN);
        return password == null ? "" : password.value();
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String instanceId() {
        return getString(INSTANCE_ID);
    }

    /** The Streams application id of this instance: its own consumer group, so it reads every partition. */
    public String instanceApplicationId() {
        return applicationId() + "-" + instanceId();
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public int maxPageSize() {
        return getInt(MAX_PAGE_SIZE);
    }

    public Duration closeTimeout() {
        return durationMs(CLOSE_TIMEOUT_MS);
    }

    public Duration startupTimeout() {
        return durationMs(STARTUP_TIMEOUT_MS);
    }

    public Duration adminWriteTimeout() {
        return durationMs(ADMIN_WRITE_TIMEOUT_MS);
    }

    public boolean pushEnabled() {
        return getBoolean(PUSH_ENABLED);
    }

    public Duration pushInterval() {
        return durationMs(PUSH_INTERVAL_MS);
    }

    public int pushDeliveryThreads() {
        return getInt(PUSH_DELIVERY_THREADS);
    }

    public Duration pushTimeout() {
        return durationMs(PUSH_TIMEOUT_MS);
    }

    public Duration pushBackoffInitial() {
        return durationMs(PUSH_BACKOFF_INITIAL_MS);
    }

    public Duration pushBackoffMax() {
        return durationMs(PUSH_BACKOFF_MAX_MS);
    }

    public int pushSuspendAfterFailures() {
        return getInt(PUSH_SUSPEND_AFTER_FAILURES);
    }

    /** The WebSub hub URL, or empty. */
    public String websubHubUrl() {
        return getString(WEBSUB_HUB_URL).strip();
    }

    /** The static output directory, or null when static output is off. */
    public java.nio.file.Path staticOutDir() {
        String dir = getString(STATIC_OUT_DIR);
        return dir == null || dir.isBlank() ? null : java.nio.file.Path.of(dir.strip());
    }

    public Duration staticInterval() {
        return durationMs(STATIC_INTERVAL_MS);
    }

    public long renderCacheMaxBytes() {
        return getLong(RENDER_CACHE_MAX_BYTES);
    }

    public int pageCacheMaxItems() {
        return getInt(PAGE_CACHE_MAX_ITEMS);
    }

    public long itemCacheMaxBytes() {
        return getLong(ITEM_CACHE_MAX_BYTES);
    }

    public long articleCacheMaxBytes() {
        return getLong(ARTICLE_CACHE_MAX_BYTES);
    }

    /** Streams settings of the push application: shared by all instances, so each partner is pushed once. */
    public Map<String, Object> pushStreamsConfig() {
        Map<String, Object> streams = streamsConfig();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId() + "-push");
        streams.put(StreamsConfig.STATE_DIR_CONFIG, Paths.get(stateDir(), "push").toString());
        return streams;
    }

    /**
     * Kafka Streams settings: pass-through {@code kafka.*} settings first, then this service's, so
     * exactly-once and the application id cannot be overridden by accident.
     */
    public Map<String, Object> streamsConfig() {
        Map<String, Object> streams = streamsBaseConfig();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, instanceApplicationId());
        streams.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, getLong(COMMIT_INTERVAL_MS));
        // A record the serde cannot read is logged and skipped: a feed must not stop for one bad article.
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        return streams;
    }

    /** Letters, digits, dot, dash, underscore; not "push", which names the shared push application. */
    static final class InstanceId implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString();
            if (!text.matches("[A-Za-z0-9._-]{1,64}") || text.equals("push")) {
                throw new ConfigException(name, value, "must be 1-64 of [A-Za-z0-9._-] and not 'push'");
            }
        }

        @Override
        public String toString() {
            return "1-64 of [A-Za-z0-9._-], not 'push'";
        }
    }
}
