package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.app.NewsflowCliTest.Run;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's check that "the seed still gets politics and conflict, war and peace", on the offline path a
 * partner's article takes ({@code newsflow enrich-file}: ingest's normaliser, clean-up, entities, topics).
 * The seed itself is a third-party article and stays outside the repository; the fixture retells every one
 * of its paragraphs in our own words, in the same raw shape (section line, photo caption printed twice,
 * site chrome), and scores like it: before the training articles on peace processes and security
 * guarantees were written, both got politics and international relations but not conflict; with them,
 * both get conflict just above the 0.3 a second top level needs (0.345 here, 0.32 for the seed). Neither
 * was trained on.
 */
class CeasefireSummitTopicsTest {
    private static final String POLITICS = "medtop:11000000";
    private static final String CONFLICT = "medtop:16000000";

    @Test
    void aSummitOnSecurityGuaranteesAfterACeasefireIsFiledUnderPoliticsAndConflictWarAndPeace() throws Exception {
        Run run = NewsflowCliTest.run("enrich-file", fixture("/fixtures/ceasefire-guarantees-summit.txt").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode topics = new ObjectMapper().readTree(run.out()).path("_newsflow").path("topics");

        List<String> topLevel = new ArrayList<>();
        for (JsonNode topic : topics) {
            if (topic.path("level").asInt() == 1) {
                topLevel.add(topic.path("qcode").asText());
            }
        }
        assertThat(topLevel).as("top-level topics of %s", topics).contains(POLITICS, CONFLICT);
        for (JsonNode topic : topics) {
            if (topic.path("qcode").asText().equals(CONFLICT)) {
                assertThat(topic.path("label").asText()).isEqualTo("conflict, war and peace");
            }
        }
    }

    private static Path fixture(String resource) throws URISyntaxException {
        return Path.of(CeasefireSummitTopicsTest.class.getResource(resource).toURI());
    }
}
