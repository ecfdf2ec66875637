package dev.newsflow.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.ingest.article.ArticleIds;
import dev.newsflow.platform.errors.FailureKind;
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
import java.util.HexFormat;
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
 * {@code .ndjson}/{@code .jsonl} → {@code POST /v1/articles:batch}. Each request carries an
 * {@code Idempotency-Key} derived from the file's content, so a retry never makes a second
 * version. With a state file the run is resumable: files accepted before are skipped.
 * Answers that may succeed later (429, 503, any 5xx: {@link FailureKind}) are retried after their
 * {@code Retry-After}, up to {@code maxRetries} times.
 */
public final class BulkPoster {
    private static final Logger LOG = LoggerFactory.getLogger(BulkPoster.class);
    private static final Map<String, String> MEDIA_TYPES = Map.of("txt", "text/plain; charset=utf-8",
            "json", "application/json", "html", "text/html; charset=utf-8", "htm", "text/html; charset=utf-8",
            "ndjson", "application/x-ndjson", "jsonl", "application/x-ndjson");
    private static final long MAX_RETRY_WAIT_SECONDS = 60;

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final ProgressListener progress;
    private final PostedFiles posted;
    private final ObjectMapper json = new ObjectMapper();

    private BulkPoster(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.apiKey = builder.apiKey;
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.progress = builder.progress;
        this.posted = new PostedFiles(builder.stateFile);
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
        for (Path file : files) {
            FileResult result = postOne(file);
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
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0, "cannot read: " + e.getMessage());
        }
        String contentHash = HexFormat.of().formatHex(ArticleIds.sha256(content));
        if (posted.contains(contentHash, file)) {
            return new FileResult(file, FileResult.Outcome.SKIPPED, 0, null, 0, "accepted in an earlier run");
        }
        boolean batch = mediaType.get().equals("application/x-ndjson");
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(batch ? "/v1/articles:batch" : "/v1/articles"))
                .timeout(requestTimeout)
                .header("Content-Type", mediaType.get())
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", "file-" + contentHash)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        try {
            HttpResponse<String> response = sendWithRetries(request);
            FileResult result = batch ? batchResult(file, response) : articleResult(file, response);
            if (result.outcome() == FileResult.Outcome.ACCEPTED || result.outcome() == FileResult.Outcome.UNCHANGED) {
                posted.add(contentHash, file, result.articleId(), result.version());
            }
            return result;
        } catch (IOException e) {
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0, "cannot reach ingest: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FileResult(file, FileResult.Outcome.FAILED, 0, null, 0, "interrupted");
        }
    }

    private HttpResponse<String> sendWithRetries(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; attempt <= maxRetries && retriable(response.statusCode()); attempt++) {
            long wait = response.headers().firstValue("Retry-After").map(BulkPoster::seconds).orElse((long) attempt);
            LOG.info("ingest answered {}; retrying {} in {} s", response.statusCode(), request.uri(), wait);
            Thread.sleep(Duration.ofSeconds(Math.min(wait, MAX_RETRY_WAIT_SECONDS)).toMillis());
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private FileResult articleResult(Path file, HttpResponse<String> response) throws IOException {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 202 || status == 200) {
            return new FileResult(file, status == 202 ? FileResult.Outcome.ACCEPTED : FileResult.Outcome.UNCHANGED, status,
                    body.path("id").asText(null), body.path("version").asInt(), null);
        }
        String detail = body.path("detail").asText("HTTP " + status);
        String field = body.path("field").asText(null);
        return new FileResult(file, retriable(status) ? FileResult.Outcome.FAILED : FileResult.Outcome.REJECTED,
                status, null, 0, field == null ? detail : field + ": " + detail);
    }

    /** Worth trying again (429, 503, any 5xx): the platform's one rule; other refusals are the file's. */
    private static boolean retriable(int status) {
        return status / 100 != 2 && FailureKind.ofHttpStatus(status) == FailureKind.RETRIABLE;
    }

    private FileResult batchResult(Path file, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            return articleResult(file, response);
        }
        JsonNode body = parse(response.body());
        int rejected = body.path("rejected").asInt();
        String detail = body.path("accepted").asInt() + " accepted, " + body.path("unchanged").asInt() + " unchanged, "
                + rejected + " rejected lines";
        if (rejected > 0) {
            List<String> failures = new ArrayList<>();
            for (JsonNode line : body.path("results")) {
                if (line.has("problem")) {
                    failures.add("line " + line.path("line").asInt() + ": " + line.path("problem").path("detail").asText());
                }
            }
            return new FileResult(file, FileResult.Outcome.REJECTED, 200, null, 0, detail + " (" + String.join("; ", failures) + ")");
        }
        return new FileResult(file, body.path("accepted").asInt() > 0 ? FileResult.Outcome.ACCEPTED
                : FileResult.Outcome.UNCHANGED, 200, null, 0, detail);
    }

    private JsonNode parse(String body) throws IOException {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.createObjectNode().put("detail", body);
        }
    }

    static Optional<String> mediaType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(MEDIA_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
