package dev.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.auth.ApiKeyStore;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleReader;
import dev.newsflow.ingest.kafka.KafkaUnavailableException;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.UnsupportedMediaTypeException;
import dev.newsflow.ingest.submit.ArticleNotFoundException;
import dev.newsflow.ingest.submit.ArticleSubmitter;
import dev.newsflow.ingest.submit.SubmissionBatch;
import dev.newsflow.ingest.submit.SubmissionResult;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import dev.newsflow.platform.http.ProblemMapping;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The publisher API's routes: {@code POST /v1/articles}, {@code POST /v1/articles:batch} (NDJSON),
 * {@code GET /v1/articles/{id}} and {@code GET /openapi.json}. Checks run in this order, so a
 * client learns the most basic problem first: key (401, {@link PublisherAuth}) → rate (429) → media type
 * (415) → size (413) → headers and syntax (400, {@link RequestHeaders}) → content (422) → lifecycle
 * (404/409) → Kafka (503).
 * A success is answered only after Kafka acknowledged the write with acks=all; every refusal is an RFC 9457
 * problem, from the one exception mapping ({@link IngestProblems}).
 */
public final class ArticleRoutes {
    private static final List<String> NDJSON = List.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines");

    private final ObjectMapper json = new ObjectMapper();
    private final PublisherAuth auth;
    private final ProblemMapping problems;
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
        this.auth = new PublisherAuth(keys);
        this.problems = IngestProblems.mapping(limits.retryAfterSeconds());
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
        problems.install(config);
    }

    private interface Route {
        void handle(Context ctx);
    }

    private void timed(Context ctx, String route, Route handler) {
        long start = System.nanoTime();
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            Problem problem = problems.problemFor(e);
            metrics.rejected(PublisherAuth.publisherOf(ctx), problem.reason());
            problem.writeTo(ctx);
        } finally {
            metrics.request(route, ctx.statusCode(), System.nanoTime() - start);
        }
    }

    private void postArticle(Context ctx) {
        String publisher = auth.authenticate(ctx);
        takeRateToken(publisher);
        String contentType = ctx.header("Content-Type");
        String idempotencyKey = RequestHeaders.idempotencyKey(ctx);
        if (!Normalisers.SUPPORTED.contains(Normalisers.mediaType(contentType))) {
            throw new UnsupportedMediaTypeException("Content-Type '" + (contentType == null ? "" : contentType)
                    + "' is not supported; send one of " + String.join(", ", Normalisers.SUPPORTED));
        }
        String document = RequestBodies.read(ctx, limits.maxBodyBytes());
        ArticleDraft draft = normalisers.normalise(contentType, document, new Normalisers.Defaults(
                RequestHeaders.identity(ctx, RequestHeaders.GUID_HEADER), RequestHeaders.identity(ctx,
                RequestHeaders.URL_HEADER), RequestHeaders.action(ctx)));
        SubmissionResult result = submitter.submit(publisher, draft, idempotencyKey);
        record(publisher, draft, result);
        ctx.header("Location", "/v1/articles/" + result.articleId());
        if (result.replayed()) {
            // The body is the first answer's, byte for byte; this header alone tells the retry it was one.
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(result.repeat() ? 200 : 202).contentType("application/json")
                .result(ArticleJson.result(json, result).toString());
    }

    private void postBatch(Context ctx) {
        String publisher = auth.authenticate(ctx);
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
        // First every line is decided and sent, then the batch waits once for Kafka, then lines are answered in order.
        List<BatchLine> sent = new ArrayList<>();
        ProblemException limited = null;
        SubmissionBatch batch = submitter.batch(publisher);
        try {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                ArticleDraft draft = null;
                try {
                    batch.refuseIfKafkaUnavailable();
                    if (limited != null) {
                        // Later lines wait too, even if a token freed up meanwhile: a story's versions in one file
                        // must reach Kafka in file order when the client sends the refused lines again.
                        throw limited;
                    }
                    takeRateToken(publisher);
                    draft = normalisers.normalise("application/json", lines.get(i));
                    sent.add(new BatchLine(i + 1, draft, batch.submit(draft), null));
                } catch (RuntimeException e) {
                    if (e instanceof ProblemException rateLimited && rateLimited.problem().status() == 429 && limited == null) {
                        limited = rateLimited;
                    }
                    sent.add(new BatchLine(i + 1, draft, null, e));
                }
            }
        } finally {
            batch.complete();
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        int accepted = 0;
        int unchanged = 0;
        int rejected = 0;
        boolean kafkaDown = false;
        for (BatchLine batchLine : sent) {
            ObjectNode line = results.addObject();
            line.put("line", batchLine.number());
            try {
                SubmissionResult result = batchLine.result();
                record(publisher, batchLine.draft(), result);
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
                Problem problem = problems.problemFor(e);
                kafkaDown |= e instanceof KafkaUnavailableException;
                metrics.rejected(publisher, problem.reason());
                line.put("status", problem.status());
                line.set("problem", problem.toJson(null));
                rejected++;
            }
        }
        answer.put("accepted", accepted);
        answer.put("unchanged", unchanged);
        answer.put("rejected", rejected);
        if (limited != null) {
            // Lines answered 429 may be sent again after this long (the same wait each such line's problem names).
            ctx.header("Retry-After", limited.problem().headers().get("Retry-After"));
        } else if (kafkaDown) {
            ctx.header("Retry-After", Integer.toString(limits.retryAfterSeconds()));
        }
        ctx.status(200).contentType("application/json").result(answer.toString());
    }

    /** A batch line: its number in the request, and the submission sent for it or the refusal it met before. */
    private record BatchLine(int number, ArticleDraft draft, SubmissionBatch.Line submitted, RuntimeException refused) {
        SubmissionResult result() {
            if (refused != null) {
                throw refused;
            }
            return submitted.result();
        }
    }

    private void getArticle(Context ctx) {
        String publisher = auth.authenticate(ctx);
        String id = ctx.pathParam("id");
        Optional<AcceptedVersion> latest = ledger.latest(id).filter(a -> a.publisherId().equals(publisher));
        if (latest.isEmpty()) {
            // Another publisher's article is "not found" too: ids must not leak across publishers.
            throw new ArticleNotFoundException("id", "no article " + id + " was accepted from publisher " + publisher);
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

    private void takeRateToken(String publisher) {
        long waitSeconds = rateLimiter.tryTake(publisher);
        if (waitSeconds > 0) {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many articles", "this publisher's rate "
                            + "limit of " + limits.rateLimitPerMinute() + " articles per minute is used up; retry after "
                            + waitSeconds + " s", null)
                    .withHeader("Retry-After", Long.toString(waitSeconds)));
        }
    }

    private void record(String publisher, ArticleDraft draft, SubmissionResult result) {
        if (result.repeat() || result.replayed()) {
            metrics.repeated(publisher);
        } else {
            metrics.accepted(publisher, result.action(), draft.sourceFormat().name().toLowerCase(Locale.ROOT));
        }
    }
}
