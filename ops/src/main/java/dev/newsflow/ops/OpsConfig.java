package dev.newsflow.ops;

import dev.newsflow.platform.config.ServiceConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the ops tools and the ops page: where Kafka and the registry are (from {@link ServiceConfig}, so
 * {@code --bootstrap-servers}, {@code NEWSFLOW_*} and {@code --config} work as for every service), which consumer
 * groups newsflow owns, where the services answer, and the token that opens the page's replay and resume buttons.
 */
public final class OpsConfig extends ServiceConfig {
    public static final String PORT = "ops.port";
    public static final String HOST = "ops.host";
    public static final String ADMIN_TOKEN = "ops.admin.token";
    public static final String SERVICES = "ops.services";
    public static final String SYNDICATE_URL = "syndicate.url";
    public static final String SYNDICATE_ADMIN_TOKEN = "syndicate.admin.token";
    public static final String OWNED_GROUPS = "ops.owned.groups";
    public static final String REPLAY_TRANSACTIONAL_ID = "ops.replay.transactional.id";
    public static final String REPLAY_WAIT_MS = "ops.replay.wait.ms";
    public static final String REFRESH_INTERVAL_MS = "ops.refresh.interval.ms";
    public static final String PAGE_DEAD_LETTERS = "ops.page.dead.letters";
    public static final String REQUEST_TIMEOUT_MS = "ops.request.timeout.ms";

    public static final int DEFAULT_PORT = 8084;
    /**
     * The consumer groups of newsflow's own Streams applications with their default ids: enrich, webhook push,
     * and syndicate's feed state (one group per instance, {@code newsflow-syndicate-<instance id>}). A group
     * counts for the first pattern it matches, so push is not mistaken for a feed-state instance.
     */
    public static final String DEFAULT_OWNED_GROUPS = "newsflow-enrich,newsflow-syndicate-push,newsflow-syndicate-*";

    private static final ConfigDef DEFINITION = ServiceConfig.commonDefinition()
            .define(PORT, Type.INT, DEFAULT_PORT, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "HTTP port of the ops page; 0 picks a free port.")
            .define(HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Address the ops page binds to.")
            .define(ADMIN_TOKEN, Type.PASSWORD, "", Importance.HIGH,
                    "Bearer token that opens the ops page's actions (replay a dead letter, resume a webhook); "
                            + "empty leaves them off (the page is then read-only).")
            .define(SERVICES, Type.LIST,
                    "ingest=http://localhost:8080,enrich=http://localhost:8083,syndicate=http://localhost:8082",
                    ConfigDef.LambdaValidator.with((name, value) -> parseServices(name, value),
                            () -> "name=base-url, comma-separated"),
                    Importance.MEDIUM, "The services whose /health/ready the ops page shows: name=base URL, "
                            + "comma-separated.")
            .define(SYNDICATE_URL, Type.STRING, "http://localhost:8082", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "The syndicator's base URL, for partners' push status and resuming webhooks.")
            .define(SYNDICATE_ADMIN_TOKEN, Type.PASSWORD, "", Importance.MEDIUM,
                    "The syndicator's admin token (the same setting as syndicate's): without it the ops page shows "
                            + "no push status.")
            .define(OWNED_GROUPS, Type.LIST, DEFAULT_OWNED_GROUPS, ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                    Importance.MEDIUM, "Consumer groups newsflow owns (a trailing * matches any suffix; a group counts "
                            + "for the first pattern it matches): 'newsflow topics lag' fails when one has no group.")
            .define(REPLAY_TRANSACTIONAL_ID, Type.STRING, "newsflow-ops-replay", new ConfigDef.NonEmptyString(),
                    Importance.LOW, "Transactional id of replays: a replayed record and its ledger entry are written "
                            + "in one transaction, and a second replayer fences the first, so no dead letter is "
                            + "replayed twice.")
            .define(REPLAY_WAIT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long a replay waits to report what became of each replayed record.")
            .define(REFRESH_INTERVAL_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(200), Importance.LOW,
                    "How often the ops page samples offsets, lag and health.")
            .define(PAGE_DEAD_LETTERS, Type.INT, 50, ConfigDef.Range.between(1, 1000), Importance.LOW,
                    "How many of the latest dead letters the ops page lists.")
            .define(REQUEST_TIMEOUT_MS, Type.LONG, 15_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "Timeout of each call the ops tools make to Kafka, the registry or a service.");

    public OpsConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    public int port() {
        return getInt(PORT);
    }

    public String host() {
        return getString(HOST);
    }

    public String adminToken() {
        return password(ADMIN_TOKEN);
    }

    /** The services by name, in the order given. */
    public Map<String, String> services() {
        return parseServices(SERVICES, getList(SERVICES));
    }

    public String syndicateUrl() {
        return getString(SYNDICATE_URL);
    }

    public String syndicateAdminToken() {
        return password(SYNDICATE_ADMIN_TOKEN);
    }

    public List<String> ownedGroups() {
        return getList(OWNED_GROUPS);
    }

    public String replayTransactionalId() {
        return getString(REPLAY_TRANSACTIONAL_ID);
    }

    public Duration replayWait() {
        return Duration.ofMillis(getLong(REPLAY_WAIT_MS));
    }

    public Duration refreshInterval() {
        return Duration.ofMillis(getLong(REFRESH_INTERVAL_MS));
    }

    public int pageDeadLetters() {
        return getInt(PAGE_DEAD_LETTERS);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
    }

    private String password(String key) {
        Password value = getPassword(key);
        return value == null ? "" : value.value();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> parseServices(String name, Object value) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String entry : (List<String>) value) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new ConfigException(name, entry, "expected name=base-url");
            }
            services.put(entry.substring(0, equals).trim(), stripSlash(entry.substring(equals + 1).trim()));
        }
        return services;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
