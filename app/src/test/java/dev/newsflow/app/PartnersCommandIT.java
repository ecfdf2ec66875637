package dev.newsflow.app;

import static dev.newsflow.app.NewsflowCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.app.NewsflowCliTest.Run;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.testing.TestKafka;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow partners} against a running syndicate: add with limits, show with push state, delete. */
class PartnersCommandIT {
    private static final String ADMIN = "cli-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void addShowAndDeleteAPartner(@TempDir Path stateDir) throws Exception {
        Map<String, Object> settings = new HashMap<>(TestKafka.get().serviceSettings());
        settings.put(SyndicateConfig.PORT, "0");
        settings.put(SyndicateConfig.HOST, "127.0.0.1");
        settings.put(SyndicateConfig.ADMIN_TOKEN, ADMIN);
        settings.put(SyndicateConfig.APPLICATION_ID, TestKafka.unique("cli-syndicate"));
        settings.put(SyndicateConfig.STATE_DIR, stateDir.toString());
        try (SyndicateService syndicate = SyndicateService.start(new SyndicateConfig(settings))) {
            String url = "http://127.0.0.1:" + syndicate.port();
            String partner = TestKafka.unique("cli-partner");

            Run added = run("partners", "add", partner, "--url", url, "--admin-token", ADMIN,
                    "--feed", "politics:Politics:{\"topic\":\"medtop:11000000\"}", "--min-confidence", "0.6",
                    "--max-items", "25", "--webhook-url", "http://127.0.0.1:9/hook",
                    "--webhook-secret", "a-webhook-secret-long-enough");
            assertThat(added.exit()).as(added.err()).isZero();
            JsonNode feed = JSON.readTree(added.out()).get("feeds").get(0);
            assertThat(feed.get("minConfidence").asDouble()).isEqualTo(0.6);
            assertThat(feed.get("maxItems").asInt()).isEqualTo(25);

            // once the push application runs (it starts beside the feeds), the state is known
            JsonNode push = await().atMost(Duration.ofSeconds(60)).until(() -> {
                Run shown = run("partners", "show", partner, "--url", url, "--admin-token", ADMIN);
                assertThat(shown.exit()).as(shown.err()).isZero();
                return JSON.readTree(shown.out()).get("push");
            }, state -> !state.get("state").asText().equals("unknown here"));
            assertThat(push.get("webhookUrl").asText()).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(push.get("state").asText()).isEqualTo("idle");
            assertThat(push.has("lastDelivery")).isTrue();

            Run refused = run("partners", "add", partner + "-x", "--url", url, "--admin-token", ADMIN,
                    "--feed", "all:All", "--max-items", "0");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("HTTP 422", "maxItems");

            Run deleted = run("partners", "delete", partner, "--url", url, "--admin-token", ADMIN);
            assertThat(deleted.exit()).as(deleted.err()).isZero();
            assertThat(deleted.out()).contains("\"deleted\" : true");
            Run gone = run("partners", "show", partner, "--url", url, "--admin-token", ADMIN);
            assertThat(gone.exit()).isEqualTo(1);
            assertThat(gone.err()).contains("HTTP 404");
        }
    }

    @Test
    void anUnreachableSyndicateIsNamedWithWhy() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = run("partners", "list", "--url", "http://127.0.0.1:" + closed, "--admin-token", ADMIN);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:" + closed, "connection refused")
                .doesNotContain("null");
    }
}
