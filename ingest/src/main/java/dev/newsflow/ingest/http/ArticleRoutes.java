package dev.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.auth.ApiKeyStore;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleReader;
import dev.newsflow.ingest.kafka.ArticleUnreadableException;
import dev.newsflow.ingest.kafka.KafkaUnavailableException;
import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.ingest.parse.MalformedInputException;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.UnsupportedMediaTypeException;
import dev.newsflow.ingest.submit.ArticleConflictException;
import dev.newsflow.ingest.submit.ArticleNotFoundException;
import dev.newsflow.ingest.submit.ArticleSubmitter;
import dev.newsflow.ingest.submit.SubmissionResult;
import dev.newsflow.schema.ArticleAction;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher API: {@code POST /v1/articles}, {@code POST /v1/articles:batch} (NDJSON),
 * {@code GET /v1/articles/{id}} and {@code GET /openapi.json}. Checks run in this order, so a
 * client learns the most basic problem first: key (401) → rate (429) → media type (415) → size
 * (413) → syntax (400) → content (422) → lifecycle (404/409) → Kafka (503). A success is answered
 * only after Kafka acknowledged the write with acks=all; every refusal is RFC 9457 problem JSON.
 */
public final class ArticleRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleRoutes.class);
    private static final String PUBLISHER_ATTRIBUTE = "newsflow.publisher";
    private static final Pattern BEARER = Pattern.compile("(?i)^Bearer\\s+(\\S+)\\s*$");
    /** Identity for bodies without a GUID or URL field (text/plain, most HTML); body fields win. */
    public static final String GUID_HEADER = "X-Article-Guid";
    public static final String URL_HEADER = "X-Article-Url";
    public static final String ACTION_HEADER = "X-Article-Action";
    private static final int MAX_IDENTITY_HEADER_LENGTH = 1000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final List<String> NDJSON = List.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines");

    private final ObjectMapper json = new ObjectMapper();
    private final ApiKeyStore keys;
    private final Normalisers normalisers;
    private final ArticleSubmitter submitter;
    private final ArticleLedger ledger;
    private final ArticleReader reader;
    private final RateLimiter rateLimiter;
    private final IngestMetrics metrics;
    private final Limits limits;

    /** Request bounds from config. */
    public record Limits(int maxBodyBytes, int batchMaxBytes, int batchMaxLines, int retryAfterSeconds,
                         int rateLimitPerMinute, int rateLimitBurst) {
    }

    public ArticleRoutes(ApiKeyStore keys, Normalisers normalisers, ArticleSubmitter submitter, ArticleLedger ledger,
                         ArticleReader reader, Limits limits, MeterRegistry registry) {
        this.keys = keys;
        this.normalisers = normalisers;
        this.submitter = submitter;
        this.ledger = ledger;
        this.reader = reader;
        this.limits = limits;
        this.rateLimiter = new RateLimiter(limits.rateLimitPerMinute(), limits.rateLimitBurst(), System::nanoTime);
        this.metrics = new IngestMetrics(registry);
    }

    public void install(JavalinConfig config) {
        config.routes.post("/v1/articles", ctx -> timed(ctx, "/v1/articles", this::postArticle));
        config.routes.post("/v1/articles:batch", ctx -> timed(ctx, "/v1/articles:batch", this::postBatch));
        config.routes.get("/v1/articles/{id}", ctx -> timed(ctx, "/v1/articles/{id}", this::getArticle));
        config.routes.get("/openapi.json", this::openApi);
    }

    private interface Route {
        void handle(Context ctx);
    }

    private void timed(Context ctx, String route, Route handler) {
        long start = System.nanoTime();
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            Problem problem = problemFor(e);
            metrics.rejected(ctx.attribute(PUBLISHER_ATTRIBUTE), problem.reason());
            answer(ctx, problem);
        } finally {
            metrics.request(route, ctx.statusCode(), System.nanoTime() - start);
        }
    }

    private void postArticle(Context ctx) {
        String publisher = authenticate(ctx);
        takeRateToken(publisher);
        String contentType = ctx.header("Content-Type");
        String idempotencyKey = idempotencyKey(ctx);
        if (!Normalisers.SUPPORTED.contains(Normalisers.mediaType(contentType))) {
            throw new UnsupportedMediaTypeException("Content-Type '" + (contentType == null ? "" : contentType)
                    + "' is not supported; send one of " + String.join(", ", Normalisers.SUPPORTED));
        }
        String document = RequestBodies.read(ctx, limits.maxBodyBytes());
        ArticleDraft draft = normalisers.normalise(contentType, document, new Normalisers.Defaults(
                identityHeader(ctx, GUID_HEADER), identityHeader(ctx, URL_HEADER), actionHeader(ctx)));
        SubmissionResult result = submitter.submit(publisher, draft, idempotencyKey);
        record(publisher, draft, result);
        ctx.header("Location", "/v1/articles/" + result.articleId());
        ctx.status(result.repeat() ? 200 : 202).contentType("application/json")
                .result(ArticleJson.result(json, result).toString());
    }

    private void postBatch(Context ctx) {
        String publisher = authenticate(ctx);
        String contentType = ctx.header("Content-Type");
        if (!NDJSON.contains(Normalisers.mediaType(contentType))) {
            throw new UnsupportedMediaTypeException("a batch is NDJSON: send Content-Type application/x-ndjson, "
                    + "one JSON article per line");
        }
        String document = RequestBodies.read(ctx, limits.batchMaxBytes());
        List<String> lines = document.lines().toList();
        long nonBlank = lines.stream().filter(line -> !line.isBlank()).count();
        if (nonBlank > limits.batchMaxLines()) {
            throw new PayloadTooLargeException("the batch has " + nonBlank + " articles; the limit is "
                    + limits.batchMaxLines());
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        int accepted = 0;
        int unchanged = 0;
        int rejected = 0;
        boolean kafkaDown = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            ObjectNode line = results.addObject();
            line.put("line", i + 1);
            try {
                if (kafkaDown) {
                    throw new KafkaUnavailableException("not attempted: Kafka did not take an earlier line of this batch", null);
                }
                takeRateToken(publisher);
                ArticleDraft draft = normalisers.normalise("application/json", lines.get(i));
                SubmissionResult result = submitter.submit(publisher, draft, null);
                record(publisher, draft, result);
                line.setAll(ArticleJson.result(json, result));
                // In a batch, "status" is the HTTP status this line would have had alone.
                line.put("outcome", result.repeat() ? "unchanged" : "accepted");
                line.put("status", result.repeat() ? 200 : 202);
                if (result.repeat()) {
                    unchanged++;
                } else {
                    accepted++;
                }
            } catch (RuntimeException e) {
                Problem problem = problemFor(e);
                kafkaDown |= e instanceof KafkaUnavailableException;
                metrics.rejected(publisher, problem.reason());
                line.put("status", problem.status());
                line.set("problem", problem.toJson(json, null));
                rejected++;
            }
        }
        answer.put("accepted", accepted);
        answer.put("unchanged", unchanged);
        answer.put("rejected", rejected);
        ctx.status(200).contentType("application/json").result(answer.toString());
    }

    private void getArticle(Context ctx) {
        String publisher = authenticate(ctx);
        String id = ctx.pathParam("id");
        Optional<AcceptedVersion> latest = ledger.latest(id).filter(a -> a.publisherId().equals(publisher));
        if (latest.isEmpty()) {
            // Another publisher's article is "not found" too: ids must not leak across publishers.
            throw new ArticleNotFoundException("no article " + id + " was accepted from publisher " + publisher);
        }
        // The ledger keeps no bodies: the article is read back from where Kafka stored it.
        ctx.status(200).contentType("application/json")
                .result(ArticleJson.article(json, reader.read(latest.get()), latest.get()).toString());
    }

    private void openApi(Context ctx) {
        try (InputStream in = ArticleRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the ingest jar");
            }
            ctx.status(200).contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String authenticate(Context ctx) {
        String presented = ctx.header("X-Api-Key");
        String authorization = ctx.header("Authorization");
        if (presented == null && authorization != null) {
            var bearer = BEARER.matcher(authorization);
            presented = bearer.matches() ? bearer.group(1) : null;
        }
        Optional<String> publisher = keys.publisherFor(presented);
        if (publisher.isEmpty()) {
            throw new UnauthorizedException(presented == null
                    ? "send the publisher API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
                    : "the API key is not valid");
        }
        ctx.attribute(PUBLISHER_ATTRIBUTE, publisher.get());
        return publisher.get();
    }

    private void takeRateToken(String publisher) {
        long waitSeconds = rateLimiter.tryTake(publisher);
        if (waitSeconds > 0) {
            throw new RateLimitedException(waitSeconds);
        }
    }

    /** A GUID or canonical URL sent as a header: how raw text, which has no field for them, keeps a stable id. */
    private static String identityHeader(Context ctx, String name) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = dev.newsflow.ingest.text.TextHygiene.cleanOrNull(value);
        if (clean == null || clean.length() > MAX_IDENTITY_HEADER_LENGTH) {
            throw new HeaderException(name, name + " must be 1 to " + MAX_IDENTITY_HEADER_LENGTH + " characters");
        }
        return clean;
    }

    private static ArticleAction actionHeader(Context ctx) {
        String value = ctx.header(ACTION_HEADER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HeaderException(ACTION_HEADER, ACTION_HEADER + " must be one of publish, update, correct, kill");
        }
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        String stripped = key.strip();
        if (stripped.startsWith("\"") && stripped.endsWith("\"") && stripped.length() > 2) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        if (!IDEMPOTENCY_KEY.matcher(stripped).matches()) {
            throw new HeaderException("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return stripped;
    }

    private void record(String publisher, ArticleDraft draft, SubmissionResult result) {
        if (result.repeat()) {
            metrics.repeated(publisher);
        } else {
            metrics.accepted(publisher, result.action(), draft.sourceFormat().name().toLowerCase(Locale.ROOT));
        }
    }

    private Problem problemFor(RuntimeException e) {
        if (e instanceof InvalidArticleException invalid) {
            return Problem.of(422, "invalid-article", "The article is invalid", invalid.getMessage(), invalid.field());
        }
        if (e instanceof MalformedInputException malformed) {
            return Problem.of(400, "malformed-request", "The request body cannot be read", malformed.getMessage(), "body");
        }
        if (e instanceof HeaderException header) {
            return Problem.of(400, "malformed-request", "A request header is invalid", header.getMessage(), header.header());
        }
        if (e instanceof UnauthorizedException) {
            return Problem.of(401, "unauthorized", "Missing or invalid API key", e.getMessage(), "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-ingest\"");
        }
        if (e instanceof RateLimitedException limited) {
            return Problem.of(429, "rate-limited", "Too many articles", "this publisher's rate limit of "
                            + limits.rateLimitPerMinute() + " articles per minute is used up; retry after "
                            + limited.retryAfterSeconds() + " s", null)
                    .withHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (e instanceof UnsupportedMediaTypeException) {
            return Problem.of(415, "unsupported-media-type", "Unsupported media type", e.getMessage(), "Content-Type");
        }
        if (e instanceof PayloadTooLargeException) {
            return Problem.of(413, "payload-too-large", "Request body too large", e.getMessage(), "body");
        }
        if (e instanceof ArticleNotFoundException) {
            return Problem.of(404, "not-found", "No such article", e.getMessage(), null);
        }
        if (e instanceof ArticleConflictException conflict) {
            return Problem.of(409, "conflict", "The submission conflicts with the accepted article", e.getMessage(),
                    conflict.field());
        }
        if (e instanceof KafkaUnavailableException) {
            LOG.warn("Kafka did not take a write: {}", e.getMessage());
            return Problem.of(503, "kafka-unavailable", "Kafka cannot take the write now",
                            "nothing was accepted; retry later (" + e.getMessage() + ")", null)
                    .withHeader("Retry-After", Integer.toString(limits.retryAfterSeconds()));
        }
        if (e instanceof ArticleUnreadableException) {
            LOG.warn("Kafka did not give back an article: {}", e.getMessage());
            return Problem.of(503, "kafka-unavailable", "Kafka cannot return the article now",
                            e.getMessage() + "; retry later", null)
                    .withHeader("Retry-After", Integer.toString(limits.retryAfterSeconds()));
        }
        LOG.error("unexpected failure while handling a publisher request", e);
        return Problem.of(500, "internal-error", "Internal error", "the request failed unexpectedly; nothing was accepted",
                null);
    }

    private void answer(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE)
                .result(problem.toJson(json, ctx.path()).toString());
    }

    private static final class UnauthorizedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnauthorizedException(String detail) {
            super(detail);
        }
    }

    private static final class RateLimitedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        RateLimitedException(long retryAfterSeconds) {
            super("rate limited");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final class HeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String header;

        HeaderException(String header, String detail) {
            super(detail);
            this.header = header;
        }

        String header() {
            return header;
        }
    }
}
