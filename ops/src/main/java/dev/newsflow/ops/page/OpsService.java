package dev.newsflow.ops.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.ops.deadletters.DeadLetterId;
import dev.newsflow.ops.deadletters.ReplayResult;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import dev.newsflow.platform.http.ProblemMapping;
import dev.newsflow.platform.http.ServiceEndpoints;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live ops page, a service of its own: {@code GET /} is the page (its script and style bundled, nothing loaded
 * from elsewhere), {@code GET /v1/ops/snapshot} what it shows (polled every {@code ops.refresh.interval.ms}), and
 * two actions behind {@code ops.admin.token}: replay a dead letter, resume a partner's webhook. Health and
 * {@code /metrics} as every service.
 *
 * <p>Its own service rather than a page of syndicate's: it reads every topic and every consumer group and asks every
 * service for its health, which is nobody's job among the pipeline's stages; it stays up (and says so) while the
 * service it reports on is down; and its replay goes through the same {@link OpsTools} as the command line.
 */
public final class OpsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSETS = "/dev/newsflow/ops/page/";
    /** The page loads its own script and style and talks to its own origin only. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** The page's replay waits this long at most to say what became of the record (the command line waits longer). */
    private static final Duration PAGE_REPLAY_WAIT = Duration.ofSeconds(10);

    private final OpsConfig config;
    private final OpsTools tools;
    private final OpsSampler sampler;
    private final PartnerPush push;
    private final ServiceEndpoints endpoints;
    private final Map<String, byte[]> assets;
    private Javalin server;

    private OpsService(OpsConfig config) {
        this.config = config;
        this.tools = new OpsTools(config, Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.push = new PartnerPush(http, config.syndicateUrl(), config.syndicateAdminToken(),
                Duration.ofSeconds(5));
        this.endpoints = new ServiceEndpoints("ops", config)
                .endpoint("/", "the live ops page")
                .endpoint("/v1/ops/snapshot", "what the page shows, as JSON (?stage= filters the dead letters)")
                .endpoint("/v1/ops/dead-letters/{partition}/{offset}/replay",
                        "POST: replay a dead letter (bearer ops.admin.token)")
                .endpoint("/v1/ops/partners/{partner}/resume-webhook",
                        "POST: resume a partner's suspended webhook (bearer ops.admin.token)");
        this.sampler = new OpsSampler(config, tools, push, http, endpoints.metrics(), Clock.systemUTC());
        this.assets = Map.of("index.html", asset("index.html"), "ops.js", asset("ops.js"), "ops.css", asset("ops.css"));
    }

    public static OpsService start(OpsConfig config) {
        OpsService service = new OpsService(config);
        try {
            service.startServer();
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void startServer() {
        ProblemMapping problems = ProblemMapping.standard("ops", 5).build();
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            endpoints.installWithoutIndex(cfg);
            problems.install(cfg);
            cfg.routes.get("/", ctx -> asset(ctx, "index.html", "text/html; charset=utf-8"));
            cfg.routes.get("/assets/ops.js", ctx -> asset(ctx, "ops.js", "text/javascript; charset=utf-8"));
            cfg.routes.get("/assets/ops.css", ctx -> asset(ctx, "ops.css", "text/css; charset=utf-8"));
            cfg.routes.get("/v1/ops/snapshot", ctx -> {
                ctx.header("Cache-Control", "no-store");
                json(ctx, 200, sampler.snapshot(ctx.queryParam("stage")));
            });
            cfg.routes.post("/v1/ops/dead-letters/{partition}/{offset}/replay", this::replay);
            cfg.routes.post("/v1/ops/partners/{partner}/resume-webhook", ctx -> {
                authorize(ctx);
                PartnerPush.Answer answer = push.resume(ctx.pathParam("partner"));
                ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
            });
        }).start(config.host(), config.port());
        endpoints.startManagement();
        sampler.start();
        LOG.info("ops page on {}:{}", config.host(), server.port());
    }

    private void replay(Context ctx) throws IOException {
        authorize(ctx);
        long partition = number(ctx, "partition");
        if (partition > Integer.MAX_VALUE) {
            throw new MalformedInputException("partition", "no topic has partition " + partition);
        }
        DeadLetterId id = new DeadLetterId((int) partition, number(ctx, "offset"));
        List<ReplayResult> results = tools.replayIds(List.of(id), false, "ops page (" + ctx.ip() + ")",
                PAGE_REPLAY_WAIT.compareTo(config.replayWait()) < 0 ? PAGE_REPLAY_WAIT : config.replayWait());
        ReplayResult result = results.get(0);
        ObjectNode body = JSON.createObjectNode().put("id", result.id()).put("status", result.status().name());
        if (result.detail() != null) {
            body.put("detail", result.detail());
        }
        if (result.target() != null) {
            body.put("target", result.target());
        }
        if (result.outcome() != null) {
            body.put("outcome", result.outcome().kind().name()).put("outcomeText", result.outcome().describe());
        }
        int status = switch (result.status()) {
            case NOT_FOUND -> 404;
            case NOT_REPLAYABLE -> 409;
            case FAILED -> 503;
            default -> 200;
        };
        if (status != 200) {
            throw new ProblemException(Problem.of(status, status == 404 ? "not-found" : status == 409 ? "conflict"
                    : "unavailable", status == 404 ? "Not found" : status == 409 ? "Not replayable"
                    : "Replay failed", result.detail(), status == 404 ? "offset" : null));
        }
        json(ctx, 200, body);
    }

    private static long number(Context ctx, String field) {
        String text = ctx.pathParam(field);
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new MalformedInputException(field, field + " must be a whole number of 0 or more, not '" + text + "'");
    }

    /** The actions need the ops admin token; without one configured they are off (503), as syndicate's admin API. */
    private void authorize(Context ctx) {
        String token = config.adminToken();
        if (token.isEmpty()) {
            throw new ProblemException(Problem.of(503, "actions-off", "Actions are off",
                    "set ops.admin.token to replay dead letters and resume webhooks from the page", null));
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of(401, "admin-token", "Unauthorized",
                    "this action needs the ops admin token (Authorization: Bearer …)", "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-ops\""));
        }
    }

    private void asset(Context ctx, String name, String contentType) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").contentType(contentType).result(assets.get(name));
    }

    private static void json(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    }

    private static byte[] asset(String name) {
        try (InputStream in = OpsService.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("the ops page's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public java.util.OptionalInt managementPort() {
        return endpoints.managementPort();
    }

    @Override
    public void close() {
        sampler.close();
        if (server != null) {
            server.stop();
        }
        endpoints.close();
        tools.close();
    }
}
