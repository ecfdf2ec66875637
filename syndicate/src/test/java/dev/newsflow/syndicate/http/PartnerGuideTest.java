package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner guide: it covers what a partner's developer needs, and it is served as a page a browser shows
 * (headless Chromium reads the rendered tables and headings) and as markdown.
 */
class PartnerGuideTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Javalin server;

    @BeforeEach
    void start() {
        PartnerGuideRoutes guide = PartnerGuideRoutes.fromJar();
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            guide.install(cfg);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theGuideCoversWhatAPartnerNeeds() throws Exception {
        String markdown = get("/docs/partners.md").body();
        assertThat(markdown).contains("## Authentication", "## RSS 2.0", "## Atom 1.0",
                "## JSON Feed 1.1 and the `_newsflow` extension", "## Paging",
                "## Polling cheaply: conditional GET and compression", "## Pushes: webhooks",
                // the fields a developer maps, by format
                "`item/content:encoded`", "`…/media:description type=\"plain\"`", "role=\"distribution company\"",
                "`entry/updated`", "`feed/at:deleted-entry`", "`entities[]`", "`topics[]`", "`deleted`, `deleted_at`",
                // kills in every format, webhooks' signature, headers, retries and suspension
                "a killed story is simply no\nlonger in the feed", "tombstone item", "X-Newsflow-Signature",
                "X-Newsflow-Sequence", "HMAC-SHA256", "suspended", "If-None-Match", "304", "?before=");
    }

    @Test
    void servedAsAPageThatABrowserShowsAndThatLoadsNothingFromElsewhere(@TempDir Path profile) throws Exception {
        HttpResponse<String> page = get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).matches("text/html; ?charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; style-src 'unsafe-inline'");
        assertThat(page.body()).contains("<table>", "<h2>Authentication</h2>")
                .doesNotContain("<script", "<link ", "src=\"http");
        HttpResponse<String> markdown = get("/docs/partners.md");
        assertThat(markdown.headers().firstValue("Content-Type").orElseThrow()).matches("text/markdown; ?charset=utf-8");

        String dom = chromiumDom("http://127.0.0.1:" + server.port() + "/docs", profile);
        assertThat(dom).contains("<title>newsflow feeds: a guide for partners</title>",
                "<h2>Pushes: webhooks</h2>", "<td><code>X-Newsflow-Signature</code></td>",
                "<code>_newsflow</code>");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page's DOM as headless Chromium built it (Debian's chromium; skipped without it, failed under CI). */
    private static String chromiumDom(String url, Path profile) throws IOException, InterruptedException {
        Path chromium = Path.of(System.getProperty("newsflow.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = chromium + " is missing: install the apt package chromium";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true, so this is a failure, not a skip)");
            }
            Assumptions.abort(message);
        }
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", url));
        Path out = profile.resolve("dom.html");
        Path err = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as("chromium: %s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
