package dev.newsflow.bench.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed-serving benchmark behind {@code newsflow bench feeds}: fetches each feed once from the
 * syndicator, writes the same bytes into a temporary directory that an nginx (started here, on
 * loopback, with a generated configuration) serves, then runs wrk against both for full (200)
 * and conditional (304, {@code If-None-Match} with each server's own ETag) responses,
 * interleaved, and reports both and the ratio. nginx is stopped and the directory deleted at the end.
 */
public final class FeedsBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(FeedsBenchmark.class);

    /** A full response or a 304 to a conditional request. */
    public enum Response { FULL_200, NOT_MODIFIED_304 }

    private FeedsBenchmark() {
    }

    public static FeedsReport run(FeedsOptions options) throws IOException, InterruptedException {
        List<String> missing = ExternalTools.missingForFeedsBenchmark();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the feeds benchmark needs " + String.join(" and ", missing)
                    + " (Debian: apt-get install wrk nginx-light)");
        }
        for (URI url : options.feedUrls()) {
            if (!Wrk.isLoopback(url)) {
                throw new IllegalArgumentException("the feeds benchmark only loads loopback addresses, not " + url);
            }
        }
        Wrk wrk = new Wrk(ExternalTools.find("wrk").orElseThrow());
        Optional<ProcessHandle> syndicatorProcess = options.syndicatorPid() == 0 ? Optional.empty()
                : Optional.of(ProcessHandle.of(options.syndicatorPid()).orElseThrow(() -> new IllegalArgumentException(
                        "no process " + options.syndicatorPid() + " to read the syndicator's CPU from")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Path work = Files.createTempDirectory("newsflow-bench-feeds");
        try {
            // nginx workers run as an unprivileged user when started by root: let them read the copies.
            readableByAll(work, true);
            Path htdocs = Files.createDirectories(work.resolve("htdocs"));
            readableByAll(htdocs, true);
            List<Target> targets = new ArrayList<>();
            for (URI given : options.feedUrls()) {
                URI url = numericLoopback(given);
                Map<String, String> auth = options.token() == null ? Map.of()
                        : Map.of("Authorization", "Bearer " + options.token());
                HttpResponse<byte[]> feed = get(http, url, auth);
                if (feed.statusCode() != 200) {
                    throw new IOException("the syndicator answered " + feed.statusCode() + " for " + url);
                }
                String etag = feed.headers().firstValue("ETag")
                        .orElseThrow(() -> new IOException("the syndicator sent no ETag for " + url));
                String file = fileName(url);
                Files.write(htdocs.resolve(file), feed.body());
                readableByAll(htdocs.resolve(file), false);
                targets.add(new Target(file, url, auth, etag, feed.body().length,
                        feed.headers().firstValue("Content-Type").orElse("")));
            }
            try (NginxServer nginx = NginxServer.start(ExternalTools.find("nginx").orElseThrow(),
                    work.resolve("nginx"), htdocs, options.nginxWorkers())) {
                Map<String, String> nginxEtags = new HashMap<>();
                for (Target target : targets) {
                    URI nginxUrl = URI.create("http://127.0.0.1:" + nginx.port() + "/" + target.file());
                    HttpResponse<byte[]> copy = get(http, nginxUrl, Map.of());
                    if (copy.statusCode() != 200 || copy.body().length != target.bytes()) {
                        throw new IOException("nginx did not serve the same bytes of " + target.file() + ": HTTP "
                                + copy.statusCode() + ", " + copy.body().length + " of " + target.bytes() + " bytes");
                    }
                    String etag = copy.headers().firstValue("ETag").orElseThrow();
                    nginxEtags.put(target.file(), etag);
                    expect304(http, target.url(), target.auth(), target.etag());
                    expect304(http, nginxUrl, Map.of(), etag);
                }
                List<FeedsReport.Warmup> warmups = new ArrayList<>();
                if (!options.warmup().isZero()) {
                    for (Target target : targets) {
                        for (Response response : Response.values()) {
                            WrkResult warm = wrk.run(target.url(),
                                    requestHeaders(target.auth(), response, target.etag()), options.threads(),
                                    options.connections(), options.warmup());
                            LOG.info("{} {} warm-up: syndicator {}", target.file(), response, warm);
                            warmups.add(new FeedsReport.Warmup(target.file(), response, warm));
                        }
                    }
                }
                List<FeedsReport.Measurement> measurements = new ArrayList<>();
                for (int run = 0; run < options.runs(); run++) {
                    for (Target target : targets) {
                        URI nginxUrl = URI.create("http://127.0.0.1:" + nginx.port() + "/" + target.file());
                        for (Response response : Response.values()) {
                            Map<String, String> synHeaders = requestHeaders(target.auth(), response, target.etag());
                            Map<String, String> nginxHeaders = requestHeaders(Map.of(), response,
                                    nginxEtags.get(target.file()));
                            Duration syndicatorCpu = syndicatorProcess.map(ProcessCpu::of).orElse(Duration.ZERO);
                            WrkResult syndicator = wrk.run(target.url(), synHeaders, options.threads(),
                                    options.connections(), options.duration());
                            double syndicatorMicros = syndicatorProcess.isEmpty() ? Double.NaN : microsPerAnswer(
                                    ProcessCpu.of(syndicatorProcess.get()).minus(syndicatorCpu), syndicator);
                            Duration nginxCpu = ProcessCpu.withDescendants(nginx.process());
                            WrkResult reference = wrk.run(nginxUrl, nginxHeaders, options.threads(),
                                    options.connections(), options.duration());
                            double nginxMicros = microsPerAnswer(
                                    ProcessCpu.withDescendants(nginx.process()).minus(nginxCpu), reference);
                            LOG.info("{} {} run {}: syndicator {}; nginx {}", target.file(), response, run + 1,
                                    syndicator, reference);
                            measurements.add(new FeedsReport.Measurement(target.file(), target.bytes(),
                                    target.contentType(), response, run, syndicator, reference, syndicatorMicros,
                                    nginxMicros));
                        }
                    }
                }
                return new FeedsReport(options, warmups, measurements);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /** A request's headers: its authorisation (none for nginx), and for a 304 the validator to send. */
    private static Map<String, String> requestHeaders(Map<String, String> auth, Response response, String etag) {
        Map<String, String> headers = new HashMap<>(auth);
        if (response == Response.NOT_MODIFIED_304) {
            headers.put("If-None-Match", etag);
        }
        return headers;
    }

    private static double microsPerAnswer(Duration cpu, WrkResult run) {
        return run.requests() > 0 ? cpu.toNanos() / 1000.0 / run.requests() : Double.NaN;
    }

    /** wrk connects to the first address a name resolves to (::1 for localhost here); the servers bind 127.0.0.1. */
    static URI numericLoopback(URI url) {
        if (!"localhost".equalsIgnoreCase(url.getHost())) {
            return url;
        }
        return URI.create(url.toString().replaceFirst("(?i)//localhost", "//127.0.0.1"));
    }

    private record Target(String file, URI url, Map<String, String> auth, String etag, int bytes, String contentType) {
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI url, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void expect304(HttpClient http, URI url, Map<String, String> headers, String etag)
            throws IOException, InterruptedException {
        Map<String, String> conditional = new HashMap<>(headers);
        conditional.put("If-None-Match", etag);
        int status = get(http, url, conditional).statusCode();
        if (status != 304) {
            throw new IOException(url.getHost() + ":" + url.getPort() + url.getPath()
                    + " answered " + status + ", not 304, to If-None-Match " + etag);
        }
    }

    /** "all.rss" from ".../feeds/demo/all.rss?token=..." (prefixed by the partner, so two partners' feeds differ). */
    static String fileName(URI url) {
        String[] segments = url.getPath().split("/");
        String last = segments[segments.length - 1];
        String partner = segments.length >= 2 ? segments[segments.length - 2] : "feed";
        return (partner + "-" + last).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void readableByAll(Path path, boolean directory) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                    directory ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debug("not a POSIX file system; leaving permissions of {} as they are", path);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
