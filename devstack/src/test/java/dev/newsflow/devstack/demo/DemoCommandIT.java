package dev.newsflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow demo} as a user runs it: embedded broker and registry, the three services, the
 * sample article posted and seen in the feed; and a second start on the same data directory
 * finds the article again instead of creating it twice.
 */
class DemoCommandIT {

    @Test
    void theDemoServesTheSampleArticleAndKeepsItsDataAcrossARestart(@TempDir Path dataDir) throws IOException {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int syndicatePort = freePort();

        String first = runDemoOnce(dataDir, kafkaPort, controllerPort, syndicatePort);
        assertThat(first).contains("Posted the sample article").contains("(accepted)")
                .contains("newsflow is running.")
                .containsPattern("JSON Feed +http://\\S+/feeds/demo/all\\.json\\?token=\\S+")
                .contains("Kafka bootstrap      127.0.0.1:" + kafkaPort)
                .containsPattern("Metrics +http://127\\.0\\.0\\.1:\\d+/metrics")
                .containsPattern("ops: http://127\\.0\\.0\\.1:\\d+/");

        String second = runDemoOnce(dataDir, kafkaPort, controllerPort, syndicatePort);
        assertThat(second).contains("Posted the sample article").contains("version 1 (unchanged)")
                .contains("newsflow is running.");
        // the partner token, and with it every feed URL printed before, survives the restart
        assertThat(partnerToken(second)).isEqualTo(partnerToken(first));
        assertThat(feedUrl(second)).isEqualTo(feedUrl(first));
        assertThat(first).contains("(kept in " + dataDir.toAbsolutePath().resolve("partner-token") + ")");
    }

    /**
     * A restarted demo whose feed has grown past one page finds its sample article on a later page, instead of
     * waiting for it on the first page and giving up.
     */
    @Test
    void aRestartedDemoFindsTheSampleBeyondTheFirstFeedPage(@TempDir Path dataDir) throws Exception {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int syndicatePort = freePort();
        String onePerPage = "syndicate.max.page.size=1";
        assertThat(runDemoOnce(dataDir, kafkaPort, controllerPort, syndicatePort, "-D", onePerPage))
                .contains("(accepted)");

        // Two newer articles push the sample to the feed's third page.
        DevStackSettings settings = DevStackSettings.builder(dataDir.toAbsolutePath()).kafkaPorts(kafkaPort, controllerPort)
                .topicPartitions(1).adminToken("between-runs").serviceSetting("syndicate.max.page.size", "1").build();
        try (DevStack stack = DevStack.start(settings)) {
            DemoClient client = new DemoClient();
            for (String headline : List.of("Harbour reopens after storm", "Ferry timetable changes in spring")) {
                JsonNode posted = client.postText(stack.ingestUrl(), stack.publisherKey(),
                        "News\n\n" + headline + "\n\nThe harbour authority said so on Monday, in a short statement.\n");
                assertThat(client.awaitItem(stack.feedUrl("json"), posted.path("id").asText(), Duration.ofSeconds(60)))
                        .isTrue();
            }
        }

        String second = runDemoOnce(dataDir, kafkaPort, controllerPort, syndicatePort, "-D", onePerPage,
                "--sample-timeout", "30");
        assertThat(second).contains("version 1 (unchanged)").contains("newsflow is running.");
    }

    private static String partnerToken(String output) {
        Matcher token = Pattern.compile("Demo partner token +(\\S+)").matcher(output);
        assertThat(token.find()).as("a partner token in%n%s", output).isTrue();
        return token.group(1);
    }

    private static String feedUrl(String output) {
        Matcher url = Pattern.compile("JSON Feed +(\\S+)").matcher(output);
        assertThat(url.find()).as("a feed URL in%n%s", output).isTrue();
        return url.group(1);
    }

    private static String runDemoOnce(Path dataDir, int kafkaPort, int controllerPort, int syndicatePort,
                                      String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DemoCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("--once", "--data-dir", dataDir.toString(),
                "--kafka-port", String.valueOf(kafkaPort), "--controller-port", String.valueOf(controllerPort),
                "--registry-port", "0", "--ingest-port", "0", "--enrich-port", "0",
                "--syndicate-port", String.valueOf(syndicatePort), "--ops-port", "0", "--management-ports", "0,0,0,0",
                "--partitions", "1"));
        args.addAll(List.of(more));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
