package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NewsflowCliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void configListsEveryKeyWithItsEnvironmentVariable() {
        Run run = run("config", "ingest");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("bootstrap.servers").contains("env NEWSFLOW_BOOTSTRAP_SERVERS")
                .contains("ingest.api.keys").contains("env NEWSFLOW_INGEST_API_KEYS");
    }

    @Test
    void enrichFileCleansAndEnrichesASeedShapedFileOffline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("article.txt");
        try (var in = NewsflowCliTest.class.getResourceAsStream("/fixtures/eu-sanctions.txt")) {
            Files.write(file, in.readAllBytes());
        }
        Run run = run("enrich-file", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode article = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(article.path("section").asText()).isEqualTo("News");
        assertThat(article.path("images")).hasSize(1);
        assertThat(article.path("images").get(0).path("creditline").asText()).isEqualTo("EPA");
        assertThat(article.path("images").get(0).path("by").asText()).isEqualTo("Marta Nowak");
        assertThat(run.out()).doesNotContain("shareprint").doesNotContain("Terms of use");
        assertThat(article.path("entities").findValuesAsText("name")).contains("Poland", "Germany");
    }

    @Test
    void enrichFileNamesTheFieldOfAnInvalidArticle(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-headline.json");
        Files.writeString(file, "{\"body\": [\"A paragraph.\"]}");
        Run run = run("enrich-file", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("headline");
    }

    @Test
    void aServiceWithAnInvalidSettingSaysWhichAndExits() {
        Run run = run("ingest", "-D", "topic.partitions=0", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument");
    }
}
