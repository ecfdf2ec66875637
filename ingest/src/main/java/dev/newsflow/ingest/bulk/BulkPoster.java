package dev.newsflow.ingest.bulk;

import dev.newsflow.platform.digest.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.platform.lifecycle.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts files to ingest, one request per file, and reports each file's result: the library
 * behind {@code newsflow post FILE|DIR… --url … --key …}. Directories are walked recursively in
 * name order (hidden files skipped). The media type comes from the extension: {@code .txt} →
 * text/plain, {@code .json} → application/json, {@code .html}/{@code .htm} → text/html,
 * {@code .ndjson}/{@code .jsonl} → {@code POST /v1/articles:batch}, line by line ({@link NdjsonFilePoster}:
 * lines ingest could not take yet are sent again, lines it has are not). Each single-article request carries an
 * {@code Idempotency-Key} derived from the file's content, so a retry never makes a second
 * version. With a state file the run is resumable: files (and NDJSON lines) accepted before are skipped.
 * Answers that may succeed later (429, 503, other 5xx) are retried after their {@code Retry-After}
 * ({@link RetryPolicy}). A refused API key (401) ends the run at the first file: the other files are
 * reported as not sent, since every one of them would be refused the same way.
 */
public final class BulkPoster {
    private static final Logger LOG = LoggerFactory.getLogger(BulkPoster.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MEDIA_TYPES = Map.of("txt", "text/plain; charset=utf-8",
            "json", "application/json", "html", "text/html; charset=utf-8", "htm", "text/html; charset=utf-8",
            "ndjson", "application/x-ndjson", "jsonl", "application/x-ndjson");

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final ProgressListener progress;
    private final PostedFiles posted;
    private final Sleeper sleeper;
    private final int batchLines;

    private BulkPoster(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.apiKey = builder.apiKey;
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.requestTimeout = builder.requestTimeout;
        this.retry = new RetryPolicy(builder.maxRetries);
        this.progress = builder.progress;
        this.posted = new PostedFiles(builder.stateFile);
        this.sleeper = builder.sleeper;
        this.batchLines = builder.batchLines;
    }

    /** {@code baseUrl} is ingest's root, e.g. {@code http://localhost:8080}. */
    public static Builder builder(URI baseUrl, String apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    /** Options of a bulk post. */
    public static final class Builder {
        private final URI baseUrl;
        private final String apiKey;
        private HttpClient http;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private ProgressListener progress = ProgressListener.none();
        private Path stateFile;
        private Sleeper sleeper = Sleeper.real();
        private int batchLines = 500;

        private Builder(URI baseUrl, String apiKey) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        }

        /** Where accepted files are remembered, so a second run skips them; none by default. */
        public Builder stateFile(Path file) {
            stateFile = file;
            return this;
        }

        public Builder progress(ProgressListener listener) {
            progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How waits between attempts are made (tests record them instead of sleeping). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Most NDJSON lines sent in one batch request (ingest's own limit is 1,000 by default). */
        public Builder batchLines(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("batchLines must be at least 1");
            }
            batchLines = lines;
            return this;
        }

        /** Retries, in a row, of a request (or of batch lines) that ingest could not take yet; 3 by default. */
        public Builder maxRetries(int retries) {
            maxRetries = retries;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            requestTimeout = timeout;
            return this;
        }

        public Builder httpClient(HttpClient client) {
            http = client;
            return this;
        }

        public BulkPoster build() {
            return new BulkPoster(this);
        }
    }

    /** The files to post: regular files as given, directories walked, in a stable order. */
    public static List<Path> expand(List<Path> filesAndDirectories) {
        List<Path> files = new ArrayList<>();
        for (Path path : filesAndDirectories) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Posts every file and returns each one's result; never throws for one file's failure. */
    public BulkReport post(List<Path> filesAndDirectories) {
        List<Path> files = expand(filesAndDirectories);
        List<FileResult> results = new ArrayList<>();
        FileResult keyRefused = null;
        for (Path file : files) {
            FileResult result = keyRefused == null ? postOne(file) : new FileResult(file, FileResult.Outcome.FAILED, 0,
                    null, 0, "not sent: ingest refused the API key (401) for " + keyRefused.file());
            if (keyRefused == null && result.status() == 401) {
                keyRefused = result;
            }
            results.add(result);
            progress.fileDone(result, results.size(), files.size());
        }
        return new BulkReport(results);
    }

    private FileResult postOne(Path file) {
        Optional<String> mediaType = mediaType(file);
        if (mediaType.isEmpty()) {
            return new FileResult(file, FileResult.Outcome.REJECTED, 0, null, 0,
                    "unsupported extension; use .txt, .json, .html, .htm, .ndjson or .jsonl");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0, "cannot read: " + Failures.oneLine(e));
        }
        String contentHash = Sha256.hex(content);
        if (posted.contains(contentHash, file)) {
            return new FileResult(file, FileResult.Outcome.SKIPPED, 0, null, 0, "accepted in an earlier run");
        }
        try {
            FileResult result;
            if (mediaType.get().equals("application/x-ndjson")) {
                result = new NdjsonFilePoster(ndjson -> http.send(request("/v1/articles:batch", mediaType.get(), ndjson,
                        null), HttpResponse.BodyHandlers.ofString()), posted, retry, sleeper, progress, batchLines)
                        .post(file, content);
            } else {
                result = articleResult(file, sendWithRetries(request("/v1/articles", mediaType.get(), content,
                        "file-" + contentHash)));
            }
            if (result.outcome() == FileResult.Outcome.ACCEPTED || result.outcome() == FileResult.Outcome.UNCHANGED
                    || result.outcome() == FileResult.Outcome.SKIPPED) {
                posted.add(contentHash, file, result.articleId(), result.version());
            }
            return result;
        } catch (IOException e) {
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0,
                    "cannot reach ingest at " + baseUrl + ": " + Failures.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0, "interrupted");
        }
    }

    private HttpRequest request(String path, String mediaType, byte[] body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", mediaType)
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private HttpResponse<String> sendWithRetries(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int idle = 1; !retry.exhausted(idle) && RetryPolicy.retriable(response.statusCode()); idle++) {
            Duration wait = retry.wait(idle, RetryPolicy.retryAfter(response.headers().firstValue("Retry-After")));
            LOG.info("ingest answered {}; retrying {} in {} s", response.statusCode(), request.uri(), wait.toSeconds());
            sleeper.sleep(wait);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private FileResult articleResult(Path file, HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 202 || status == 200) {
            // A replayed answer to the file's Idempotency-Key is the first run's 202: nothing new was written now.
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent();
            return new FileResult(file, status == 202 && !replayed ? FileResult.Outcome.ACCEPTED
                    : FileResult.Outcome.UNCHANGED, status, body.path("id").asText(null), body.path("version").asInt(),
                    null);
        }
        return new FileResult(file, RetryPolicy.retriable(status) ? FileResult.Outcome.FAILED : FileResult.Outcome.REJECTED,
                status, null, 0, problemText(body, status));
    }

    /** A problem answer in one line: {@code field: detail}, or the detail, or the status. */
    static String problemText(JsonNode problem, int status) {
        String detail = problem.path("detail").asText("");
        if (detail.isBlank()) {
            detail = problem.path("title").asText("HTTP " + status);
        }
        String field = problem.path("field").asText(null);
        return field == null ? detail : field + ": " + detail;
    }

    static String problemText(HttpResponse<String> response) {
        return problemText(parse(response.body()), response.statusCode());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode().put("detail", body.strip());
        }
    }

    static Optional<String> mediaType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(MEDIA_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

}
