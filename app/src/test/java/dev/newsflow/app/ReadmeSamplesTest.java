package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.app.NewsflowCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's commands name files that exist, and the shipped sample is an article partners would get cleanly. */
class ReadmeSamplesTest {
    /** Tests run in the module's directory; the README is at the project's root. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CURL_FILE = Pattern.compile("--data-binary @(\\S+)");

    @Test
    void everyFileTheReadmePostsExists() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> files = CURL_FILE.matcher(readme).results().map(m -> m.group(1)).toList();
        assertThat(files).contains("samples/article.txt");
        assertThat(files).allSatisfy(file -> assertThat(ROOT.resolve(file)).isRegularFile());
    }

    @Test
    void theSampleArticleBecomesOneCleanItem() throws Exception {
        Run run = NewsflowCliTest.run("enrich-file", ROOT.resolve("samples/article.txt").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode item = new ObjectMapper().readTree(run.out());
        assertThat(item.path("title").asText()).isEqualTo("Port of Rotterdam opens shore power berths for container ships");
        JsonNode extension = item.path("_newsflow");
        assertThat(extension.path("section").asText()).isEqualTo("News");
        assertThat(extension.path("category").asText()).isEqualTo("Economy");
        assertThat(extension.path("images")).hasSize(1);
        assertThat(extension.path("images").get(0).path("creditline").asText()).isEqualTo("ANP");
        assertThat(extension.path("images").get(0).path("by").asText()).isEqualTo("Pieter de Vries");
        assertThat(item.path("content_text").asText()).doesNotContain("shareprint").doesNotContain("Terms of use")
                .doesNotContain("Read more");
    }
}
