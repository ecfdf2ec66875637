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
    void evalLinkingPrintsPrecisionRecallAndTheCalibrationTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linking.txt");
        Files.writeString(file, String.join("\n",
                "=== t-1 politics",
                "H: [[Starmer|PER|Q6383803]] meets [[Macron|PER|Q3052772]] in [[Paris|LOC|Q90]]",
                "P: [[Keir Starmer|PER|Q6383803]] and [[Emmanuel Macron|PER|Q3052772]] met in Paris on Monday.",
                "C: [[Keir Starmer|PER|Q6383803]] arrives.",
                "R: EPA / Ludovic Marin", ""));
        Run run = run("eval", "linking", "--errors", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("gold mentions 6 (6 with a Wikidata id, 0 NIL)").contains("confidence   links")
                .contains("wrong  t-1 body[0] \"Paris\" -> Q90 (gold NIL)");
        // Paris in the body was left unmarked on purpose: a link nobody marked counts against precision.
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).isEqualTo("linking precision 0.857 recall 1.000 F1 0.923");

        Run bad = run("eval", "linking", dir.resolve("missing.txt").toString());
        assertThat(bad.exit()).isNotZero();
    }

    private static Path seedShaped(Path dir) throws Exception {
        Path file = dir.resolve("article.txt");
        try (var in = NewsflowCliTest.class.getResourceAsStream("/fixtures/eu-sanctions.txt")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void enrichFileCleansAndEnrichesASeedShapedFileOffline(@TempDir Path dir) throws Exception {
        Run run = run("enrich-file", "--output", "record", seedShaped(dir).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode article = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(article.path("section").asText()).isEqualTo("News");
        assertThat(article.path("images")).hasSize(1);
        assertThat(article.path("images").get(0).path("creditline").asText()).isEqualTo("EPA");
        assertThat(article.path("images").get(0).path("by").asText()).isEqualTo("Marta Nowak");
        assertThat(article.path("body").toString()).doesNotContain("shareprint").doesNotContain("Terms of use");
        // What was left out is in the clean-up report, with why.
        assertThat(article.path("cleanup").path("removals").toString()).contains("shareprint", "Terms of use");
        assertThat(article.path("entities").findValuesAsText("name")).contains("Poland", "Germany");
    }

    @Test
    void enrichFilePrintsTheJsonFeedItemAPartnerReceivesByDefault(@TempDir Path dir) throws Exception {
        Run run = run("enrich-file", seedShaped(dir).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode item = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(item.path("id").asText()).startsWith("urn:");
        assertThat(item.has("content_text")).isTrue();
        assertThat(item.has("body")).as("not the internal record").isFalse();
        assertThat(item.path("title").asText()).isNotBlank();
        JsonNode extension = item.path("_newsflow");
        assertThat(extension.path("section").asText()).isEqualTo("News");
        assertThat(extension.path("images").get(0).path("creditline").asText()).isEqualTo("EPA");
        assertThat(extension.path("images").get(0).path("by").asText()).isEqualTo("Marta Nowak");
        assertThat(extension.path("entities").findValuesAsText("name")).contains("Poland", "Germany");
        assertThat(run.out()).doesNotContain("shareprint").doesNotContain("Terms of use");
    }

    @Test
    void theCleanupReportOfAPageListsTheSiteChromeLeftOutOfIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("page.html"), "<html><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
                + "<article><h1>Bridge reopens after repairs</h1>"
                + "<p>The bridge over the river reopened on Monday after repairs that took three months and closed "
                + "the main road into town for the whole of the summer.</p>"
                + "<p>Shops on both banks said trade had fallen by a third while it was shut.</p>"
                + "<p>Read more</p></article>"
                + "<footer><p>Town News, 1 High Street. All rights reserved.</p></footer></body></html>");
        Run run = run("enrich-file", "--input-format", "html", "--output", "record", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode removals = new ObjectMapper().readTree(run.out()).path("cleanup").path("removals");
        assertThat(removals.findValuesAsText("text"))
                .contains("Home Sport", "Read more", "Town News, 1 High Street. All rights reserved.");
        assertThat(removals.findValuesAsText("kind")).containsOnly("chrome");
    }

    @Test
    void enrichFileTakesTheInputFormatUnderItsNewNameAndTheOldOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("page.data"), "<html><head><title>Bridge reopens | Town News</title>"
                + "</head><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after repairs that took "
                + "three months.</p></article></body></html>");
        Run newName = run("enrich-file", "--input-format", "html", "--output", "record", file.toString());
        Run oldName = run("enrich-file", "--format", "html", "--output", "record", file.toString());
        assertThat(newName.exit()).as(newName.err()).isZero();
        assertThat(new ObjectMapper().readTree(newName.out()).path("headline").asText()).isEqualTo("Bridge reopens");
        assertThat(oldName.exit()).as(oldName.err()).isZero();
        assertThat(new ObjectMapper().readTree(oldName.out()).path("headline").asText()).isEqualTo("Bridge reopens");
    }

    @Test
    void enrichFileSaysWhyAFileCannotBeReadAndGoesOnWithTheOthers(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.txt");
        Run run = run("enrich-file", missing.toString(), seedShaped(dir).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(missing + ": cannot read: no such file: " + missing);
        assertThat(run.out().lines()).hasSize(1);
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
    void partnersSaysWhyTheSyndicatorCannotBeReached() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Run run = run("partners", "list", "--url", "http://127.0.0.1:" + port, "--admin-token", "t");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("newsflow partners: cannot reach http://127.0.0.1:" + port
                + ": connection refused (is the service running on that host and port?)");
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

    @Test
    void evalTopicsScoresALabelledFileAndPrintsTheAccuracyLast(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labelled.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"headline\":\"Striker's late goal wins the derby\",\"body\":[\"The striker scored in stoppage time as "
                        + "the home side beat their rivals 2-1 in the league, the coach praising his players.\"],"
                        + "\"topics\":[\"medtop:15000000\"]}",
                "{\"headline\":\"Central bank raises interest rates\",\"body\":\"The central bank raised interest rates "
                        + "by a quarter point to fight inflation, and shares fell on the stock market.\","
                        + "\"topics\":[\"medtop:04000000\",\"medtop:20000344\"]}"));
        Run run = run("eval", "topics", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("top-level accuracy 1.000 (2/2)").contains("medtop:15000000").contains("micro-F1");
        assertThat(run.out().strip().lines().reduce((a, b) -> b)).hasValue("accuracy 1.000");
    }

    @Test
    void evalTopicsNamesTheLineAndFieldOfABadFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"headline\":\"h\",\"body\":\"b\",\"topics\":[\"politics\"]}\n");
        Run run = run("eval", "topics", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bad.jsonl:1").contains("topics");
    }

    @Test
    void trainTopicsSaysWhereItsDataComesFrom() {
        Run run = run("train", "topics", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--shared-data").contains("data/topics/train-written.jsonl")
                .contains("never trained on");
    }

    @Test
    void evalNerScoresACoNllFileAndPrintsTheMicroF1Last(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.conll");
        Files.writeString(file, String.join("\n",
                "-DOCSTART- O", "",
                "Angela\tB-PER", "Merkel\tI-PER", "spoke\tO", "in\tO", "Berlin\tB-LOC", "on\tO", "Monday\tO", ".\tO", "",
                "The\tO", "United\tB-ORG", "Nations\tI-ORG", "met\tO", "in\tO", "Geneva\tB-LOC", ".\tO", ""));
        Run run = run("eval", "ner", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 documents, 2 sentences; tags read as IOB2; scoring LOC/ORG/PER")
                .contains("| type | P | R | F1 | tp | fp | fn |").contains("| PER |");
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("micro-F1 [01]\\.\\d{3}");
    }

    @Test
    void evalNerNamesTheFileAndLineOfABadFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.conll");
        Files.writeString(file, "Angela\tB-PER\nMerkel\n\n");
        Run run = run("eval", "ner", file.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("bad.conll").contains("line 2");
    }

    @Test
    void trainNerSaysWhereItsDataComesFromAndWhereTheModelGoes() {
        Run run = run("train", "ner", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("ner-train").contains("model.bin.gz");
    }
}
