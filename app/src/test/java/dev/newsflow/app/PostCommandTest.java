package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.app.NewsflowCliTest.Run;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow post} without an ingest: what it says, and where it says it. */
class PostCommandTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableIngestIsReportedWithTheReasonAndNoProgressBarWhenNotATerminal(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"headline\": \"H\", \"body\": [\"b\"]}");
        String url = "http://127.0.0.1:" + freePort();

        Run run = NewsflowCliTest.run("post", "--url", url, "--key", "k", "--state", dir.resolve("s.tsv").toString(),
                file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("a.json: failed — cannot reach ingest at " + url + ": connection refused")
                .doesNotContain(": null").doesNotContain("[#").doesNotContain("[ ");
        assertThat(run.out()).contains("1 files: 0 accepted, 0 unchanged, 0 skipped, 0 rejected, 1 failed");
        // Tests run without a terminal: no bar on standard error either.
        assertThat(run.err()).doesNotContain("[");
    }

    @Test
    void theProgressBarGoesToStandardErrorOnly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"headline\": \"H\", \"body\": [\"b\"]}");

        Run run = NewsflowCliTest.run("post", "--progress", "--url", "http://127.0.0.1:" + freePort(), "--key", "k",
                "--state", dir.resolve("s.tsv").toString(), file.toString());

        assertThat(run.err()).contains("[##############################] 1/1 files");
        assertThat(run.out()).doesNotContain("1/1 files").doesNotContain("[#");
    }

    @Test
    void theResumeStateLivesUnderDotNewsflow() {
        CommandLine post = Newsflow.commandLine().getSubcommands().get("post");
        assertThat(post.getCommandSpec().findOption("--state").defaultValue()).isEqualTo(".newsflow/posted.tsv");
    }
}
